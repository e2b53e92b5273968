# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 52 (generator 1, execute mode), reduced from 42 to 11 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `7 0`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `<module>: varnames=('x',) cellvars=('x',) freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `fs[0] -> <lambda>:`, rustpython `fs[0] -> <listcomp>.<lambda>:`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy scopes,cells: scopes: CPython `g.<locals>.h.<locals>.C: varnames=() cellvars=() freevars=('a', 'n')`, pypy `g.<locals>.h.<locals>.C: varnames=('__locals__',) cellvars=() freevars=('a', 'n')`; cells: CPython `fs[0] -> <listcomp>.<lambda>:`, pypy `fs[0] -> <listcomp>.<locals>.<lambda>:`; checked against 3.9 (CPython 3.9.18)
fs = [(lambda: x) for x in range(3)]
def g(y, x):
    def h(n):
        print([(a := y) for i in range(1)])
        class C:
            def val(self):
                return sum(sum(a for v in [n]) for i in range(2))
        return sum(C().val() for x in range(1))
    return h(x)
t = (g(0, 0),)
print('7', 0)
