# description: co_cellvars lists captured parameters first in parameter order, then the other captured locals sorted by name.
# source: rule: 3.11+ compiler puts parameter cells first so they can be initialised from the arguments
# rules: introspection/cellvars-order, introspection/freevars-sorted

def outer(q, p, unused):
    zeta = 1
    beta = 2
    mid = 3

    def inner():
        return zeta, beta, mid, p, q

    return inner


print(outer.__code__.co_cellvars)
print(outer(10, 20, 30).__code__.co_freevars)
print(outer.__code__.co_varnames)
