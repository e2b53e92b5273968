# description: Naming __class__ inside a method reads the implicit cell holding the class being defined, even when called through a subclass instance.
# source: rule: using super() or __class__ in a method creates an implicit __class__ cell in the class body
# rules: class_scopes/implicit-class-cell
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Animal:
    def defined_in(self):
        return __class__.__name__

    def runtime_type(self):
        return type(self).__name__


class Dog(Animal):
    pass


d = Dog()
print(d.defined_in())
print(d.runtime_type())
print(Animal.defined_in.__code__.co_freevars)
print(Animal.runtime_type.__code__.co_freevars)
