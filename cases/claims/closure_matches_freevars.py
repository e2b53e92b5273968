# description: The i-th cell of __closure__ holds the variable named by the i-th entry of co_freevars.
# source: seed 000 "Understand Python closure" / seed 003 — "Each item in avg.__closure__ corresponds to a name in avg.__code__.co_freevars"
# rules: claims/closure-matches-freevars

# The names are declared in the order zeta, alpha, mid; CPython lists them sorted.


def make():
    zeta = "z"
    alpha = "a"
    mid = "m"

    def use():
        return zeta + mid + alpha

    return use


use = make()
names = use.__code__.co_freevars
print(names)
print(len(names) == len(use.__closure__))
for name, cell in zip(names, use.__closure__):
    print(name, cell.cell_contents)
