# description: Found by the fuzzer: rustpython differs from CPython 3.14 in scopes-cellvars
# source: fuzz seed 1913 (generator 1, execute mode), reduced from 66 to 8 lines
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/comprehension-reads-free
# diverges: rustpython scopes: scopes: CPython `f: varnames=('i', 'h') cellvars=('i', 'a') freevars=()`, rustpython `f: varnames=('i', 'h') cellvars=('a', 'i') freevars=()`; checked against CPython 3.14.2 (pyodide 314.0.7)
def f():
    i = 0
    fs.append((lambda: i))
    a = 0
    print([0 for i in [n]])
    def h():
        return a
print(z)
