# description: Found by the fuzzer: rustpython differs from CPython 3.14 in stdout, exception, scopes-cellvars, scopes-freevars, cells
# source: fuzz seed 38131 (generator 1, execute mode), reduced from 56 to 9 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, class_scopes/method-closes-through-class
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,exception,scopes,cells: stdout: CPython `3`, rustpython `(nothing)`; exception: CPython `none`, rustpython `NameError`; scopes: CPython `C.val: varnames=('self', 'v', 'fs') cellvars=('v', 'a') freevars=()`, rustpython `C.val: varnames=('self', 'v', 'fs') cellvars=('a', 'v') freevars=()`; cells: CPython `g -> g: __closure__ is None`, rustpython `(nothing)`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pypy scopes: scopes: CPython `C: varnames=() cellvars=() freevars=()`, pypy `C: varnames=('__locals__',) cellvars=() freevars=()`; checked against 3.9 (CPython 3.9.18)
class C:
    def val(self):
        fs = [(lambda: v) for v in range(0)]
        return sum((a := 0) for i in range(1)) + sum(a for x in [0])
n = sum((a := v) for v in range(3))
a += C().val()
print(n)
def g():
    pass
