# description: __closure__ is None for a function without free variables and a tuple of cells for one with them.
# source: seed 002 (closure cells Q&A) — "__closure__ is None or a tuple of cells that contain binding for the function's free variables"
# rules: claims/closure-none-or-tuple

def plain(x):
    return x + 1


def make():
    value = "bound"

    def nested():
        return value

    return nested


nested = make()
print(plain.__closure__ is None)
print(type(nested.__closure__).__name__, len(nested.__closure__))
print(type(nested.__closure__[0]).__name__)
print(nested.__closure__[0].cell_contents)
print(make.__closure__ is None)
