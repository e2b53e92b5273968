# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-code
# source: fuzz seed 2058 (generator 1, execute mode), reduced from 45 to 2 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: pypy scopes: scopes: CPython `(nothing)`, pypy `val.<locals>.<genexpr>: varnames=('.0', 'v') cellvars=() freevars=()`; checked against CPython 3.9.18
def val(self):
    return (v for v in range(0)) + (v for v in range(0))
