# description: A lambda in a method can call zero-argument super() when it takes the instance as its first argument; with no arguments it fails.
# source: rule: zero-argument super() needs the __class__ cell and the first argument of the function that calls it
# rules: class_scopes/super-needs-first-argument, class_scopes/zero-arg-super
# diverges: rustpython scopes: RustPython gives a parameterless lambda that calls super() no __class__ free variable (without_arg and its lambda have freevars=()); CPython ('__class__',); the RuntimeError raised is the same (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Base:
    def name(self):
        return "base"


class Child(Base):
    def with_arg(self):
        get = lambda me: super().name()
        return get(self)

    def without_arg(self):
        get = lambda: super().name()
        return get()


print(Child().with_arg())
try:
    Child().without_arg()
except RuntimeError as e:
    print(type(e).__name__, e)
