# description: Zero-argument super() inside a list comprehension in a method fails while the comprehension is its own function (before 3.12) and works once it is inlined.
# source: rule: zero-argument super() needs the __class__ cell and the first argument of the function that calls it
# rules: class_scopes/super-needs-first-argument, class_scopes/zero-arg-super
# diverges: rustpython stdout, scopes: RustPython gives super() in an inlined comprehension no __class__ cell (Child has no __class__ cell, tags no free variable), so it raises TypeError "super must be called with 1 argument or from inside class method"; CPython 3.12+ finds __class__ and returns ['base', 'base'] (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Base:
    def tag(self):
        return "base"


class Child(Base):
    def tags(self):
        return [super().tag() for _ in range(2)]


try:
    print(Child().tags())
except TypeError as e:
    print(type(e).__name__, e)
