# description: Zero-argument super() inside a nested function of a method fails with RuntimeError because the nested function has no arguments.
# source: rule: zero-argument super() needs the __class__ cell and the first argument of the function that calls it
# rules: class_scopes/super-needs-first-argument, class_scopes/implicit-class-cell
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Base:
    def name(self):
        return "base"


class Child(Base):
    def name(self):
        def inner():
            return super().name()

        return inner()


try:
    Child().name()
except RuntimeError as e:
    print(type(e).__name__, e)
print(Child.name.__code__.co_freevars)
print(Child.name.__code__.co_cellvars)
