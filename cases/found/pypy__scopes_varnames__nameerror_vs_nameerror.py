# description: Found by the fuzzer: pypy differs from CPython 3.9 in scopes-varnames
# source: fuzz seed 17 (generator 1, execute mode), reduced from 48 to 3 lines
# rules: claims/free-variable-definition, class_scopes/method-closes-through-class
# diverges: pypy scopes: scopes: CPython `C: varnames=() cellvars=() freevars=()`, pypy `C: varnames=('__locals__',) cellvars=() freevars=()`; checked against CPython 3.9.18
class C:
    pass
print('9', l)
