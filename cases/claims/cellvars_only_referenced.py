# description: The outer function's co_cellvars names only the variables an inner function references; the inner's co_freevars names the same ones.
# source: seed 002 (closure cells Q&A) — "the outer function uses co_cellvars ... the inner function uses co_freevars"
# rules: claims/cellvars-freevars-at-compile-time

def outer():
    used = "used by inner"
    unused = "only outer reads this"
    also_used = 2

    def inner():
        return used * also_used

    return inner, unused


# Both tuples are fixed when the code is compiled, before outer ever runs.
print(outer.__code__.co_cellvars)
print(outer.__code__.co_varnames)
inner_code = None
for const in outer.__code__.co_consts:
    if hasattr(const, "co_freevars"):
        inner_code = const
print(inner_code.co_name, inner_code.co_freevars)
inner, unused = outer()
print(inner.__code__ is inner_code)
print(inner.__code__.co_freevars == inner_code.co_freevars)
