# description: inspect.getclosurevars splits the names a function uses into nonlocals with their cell values, globals, builtins and unbound names.
# source: rule: inspect.getclosurevars reports a function's name bindings
# rules: introspection/getclosurevars
import inspect

scale = 10


def outer(base):
    label = 'sum'

    def compute(values):
        return label, scale * len(values) + base + missing_name.attribute

    return compute


found = inspect.getclosurevars(outer(3))
print(sorted(found.nonlocals.items()))
print(sorted(found.globals.items()))
print(sorted(found.builtins))
print(sorted(found.unbound))
print(inspect.getclosurevars(outer).nonlocals)
