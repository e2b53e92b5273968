# description: Zero-argument super() inside a list comprehension in a method fails while the comprehension is its own function (before 3.12) and works once it is inlined.
# source: rule: zero-argument super() needs the __class__ cell and the first argument of the function that calls it
# rules: class_scopes/super-needs-first-argument, class_scopes/zero-arg-super
# python: <3.12 — before PEP 709 the comprehension is a function whose first argument is the iterator, so super() gets the wrong object; from 3.12 it is inlined and works
# diverges: rustpython stdout, scopes: RustPython inlines the comprehension (as CPython 3.12+, PEP 709) but super() in a comprehension gets no __class__ cell (Child has no __class__ cell, tags no freevar), so it raises TypeError "super must be called with 1 argument or from inside class method"; 3.11 raises TypeError "super(type, obj): obj must be…", 3.12+ print ['base', 'base']; RustPython gives a class body a __classdict__ cell whenever it contains a def or a lambda with parameters (co_cellvars gains '__classdict__'); CPython 3.11–3.13 only when an annotation scope needs it


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
