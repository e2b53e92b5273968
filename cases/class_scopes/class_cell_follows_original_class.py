# description: The __class__ cell holds the class object created by the class statement, even if a decorator replaces the name with a subclass.
# source: rule: the __class__ cell is filled with the class that type.__new__ creates for the class statement
# rules: class_scopes/implicit-class-cell
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


def subclass_it(cls):
    class Wrapped(cls):
        pass

    return Wrapped


@subclass_it
class Thing:
    def which(self):
        return __class__.__name__


print(Thing.__name__)
print(Thing().which())
print(Thing.which.__closure__[0].cell_contents is Thing)
print(Thing.which.__closure__[0].cell_contents is Thing.__base__)
