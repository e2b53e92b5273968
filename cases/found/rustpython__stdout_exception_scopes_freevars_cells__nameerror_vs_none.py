# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-freevars, cells
# source: fuzz seed 21318 (generator 1, execute mode), reduced from 67 to 15 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `(nothing)`, rustpython `9 <cell object at 0x…>`; exception: CPython `NameError`, rustpython `none`; scopes: CPython `h.<locals>.f.<locals>.h: varnames=('b', 'a', 'v', 'fs', 'h') cellvars=('v',) freevars=()`, rustpython `h.<locals>.f.<locals>.h: varnames=('b', 'a', 'v', 'fs', 'h') cellvars=('v',) freevars=('v'…`; cells: CPython `(nothing)`, rustpython `g -> g: __closure__ is None`; checked against CPython 3.14.2 (pyodide 314.0.7)
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'v'": a nested scope reads 'v' as a free variable passed through a function whose inlined comprehension has an iteration variable 'v'; the language (and CPython 3.6-3.11) binds it to the enclosing variable (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)
n = 0
def h():
    v = 0
    def f():
        y = n
        def h(b, a):
            fs = [(lambda: v) for v in range(0)]
            def h(a, n=a):
                return v
            return h(b)
        return h(y, v)
    return f
print('9', h()())
def g(a, b):
    pass
