# description: Found by the fuzzer: rustpython-0.6.0 differs from CPython 3.14 in stdout, exception, scopes-code
# source: fuzz seed 129994 (generator 1, execute mode), reduced from 38 to 7 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# diverges: rustpython-0.6.0 stdout,exception,scopes: stdout: CPython `0 0`, rustpython-0.6.0 `(nothing)`; exception: CPython `none`, rustpython-0.6.0 `SyntaxError`; scopes: CPython `<module>: varnames=() cellvars=() freevars=()`, rustpython-0.6.0 `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy scopes: scopes: CPython `D: varnames=() cellvars=() freevars=()`, pypy `D: varnames=('__locals__',) cellvars=() freevars=()`; checked against 3.9 (CPython 3.9.18)
# diverges: rustpython scopes: scopes: CPython `D.h: varnames=('x', 'a') cellvars=('f',) freevars=()`, rustpython `D.h: varnames=('x', 'a') cellvars=('x', 'f') freevars=()`; checked against 3.14 (CPython 3.14.2 (pyodide 314.0.7))
print('0', 0)
class D:
    def h(x, a):
        def f():
            print([f() for x in [y]])
            def h():
                print(x)
