# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-code
# source: fuzz seed 6687 (generator 1, execute mode), reduced from 36 to 2 lines
# rules: claims/free-variable-definition, comprehensions/comprehension-reads-free
# diverges: pypy scopes: scopes: CPython `(nothing)`, pypy `<genexpr>: varnames=('.0', 'v') cellvars=() freevars=()`; checked against CPython 3.9.18
a = sum(v for v in range(0)) + sum(v for v in range(0))
print(z)
