# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in stdout, exception, scopes-code, cells
# source: fuzz seed 1555 (generator 1, execute mode), reduced from 63 to 7 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: rustpython-0.6.0 stdout,exception,scopes,cells: stdout: CPython `[]`, rustpython-0.6.0 `(nothing)`; exception: CPython `NameError`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=('i', 'k') cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; cells: CPython `g -> g: __closure__ is None`, rustpython-0.6.0 `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: rustpython scopes: scopes: CPython `<module>: varnames=('i', 'k') cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
def g(x, a):
    def f():
        print([a for x in range(0)])
        def val(self):
            print(x)
print([0 for i in range(0)])
print([k() for k in fs])
