# description: A class body inside a function reads the function's local, which becomes a free variable of the class code object.
# source: rule: a class body can read the variables of enclosing functions; they are free variables of the class body
# rules: class_scopes/class-body-reads-free
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


def nested_code(function, name):
    for const in function.__code__.co_consts:
        if getattr(const, "co_name", None) == name:
            return const


def make_class(unit):
    scale = 10

    class Measure:
        factor = scale
        name = "measure in " + unit

    return Measure


M = make_class("cm")
print(M.factor, M.name)
print(sorted(make_class.__code__.co_cellvars))
class_code = nested_code(make_class, "Measure")
print(class_code.co_name, sorted(class_code.co_freevars))
