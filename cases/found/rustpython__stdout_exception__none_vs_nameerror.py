# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception
# source: fuzz seed 12102 (generator 1, execute mode), reduced from 46 to 5 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception: stdout: CPython `4 None`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy scopes: scopes: CPython `h.<locals>.C: varnames=() cellvars=() freevars=('b',)`, pypy `h.<locals>.C: varnames=('__locals__',) cellvars=() freevars=('b',)`; checked against 3.9 (CPython 3.9.18)
def h(x=0, a=0):
    print([(b := 0) for x in range(2)])
    class C:
        b = sum(b for x in range(1))
print('4', h())
