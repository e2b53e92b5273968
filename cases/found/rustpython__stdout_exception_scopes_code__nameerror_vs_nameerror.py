# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 5074 (generator 1, execute mode), reduced from 18 to 6 lines
# rules: claims/free-variable-definition, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes: stdout: CPython `[0]`, rustpython `(nothing)`; exception: CPython `name 'z' is not defined`, rustpython `cannot access free variable 'b' where it is not associated with a value in enclosing scope`; scopes: CPython `<module>: varnames=('v',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def h():
    print([(b := 0) for i in range(1)])
    return sum(b for v in range(3))
y = h()
print([y for v in [0]])
print(z)
