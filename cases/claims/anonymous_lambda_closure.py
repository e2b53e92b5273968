# description: A lambda is a closure just like a def: it has free variables and a __closure__ of cells.
# source: seed 003 (running averager notebook) — "It does not matter whether the function is anonymous or not"
# rules: claims/anonymous-closure

def make_scaler(factor):
    return lambda value: value * factor


scale = make_scaler(4)
print(scale(5))
print(scale.__name__)
print(scale.__code__.co_freevars)
print(scale.__closure__[0].cell_contents)
print(make_scaler.__code__.co_cellvars)
