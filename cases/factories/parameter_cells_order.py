# description: The factory lists parameter cells first in parameter order, while the inner function's co_freevars is sorted, and __closure__ follows co_freevars.
# source: rule: each cell in __closure__ matches the co_freevars name at the same index, whatever order the enclosing co_cellvars uses
# rules: factories/factory-parameter-cell

def factory(zeta, alpha):
    mid = "m"

    def inner():
        return zeta + alpha + mid

    return inner


inner = factory("z", "a")
print(factory.__code__.co_varnames)
print(factory.__code__.co_cellvars)
print(inner.__code__.co_freevars)
print(inner.__closure__[0].cell_contents, inner.__closure__[1].cell_contents, inner.__closure__[2].cell_contents)
print(inner())
