# description: A class decorator made by a factory records classes in a registry kept in its closure and returns them unchanged.
# source: rule: @decorator above class binds the class name to decorator(cls)
# rules: decorators/class-decorator, decorators/decorator-factory
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

def make_registry():
    registry = {}

    def register(cls):
        registry[cls.__name__] = cls
        return cls

    return register, registry


register, registry = make_registry()


@register
class Circle:
    pass


@register
class Square:
    pass


print(sorted(registry))
print(registry['Circle'] is Circle)
print(register.__code__.co_freevars)
print(type(Square).__name__)
