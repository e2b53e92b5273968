# description: Zero-argument super() inside a list comprehension in a method fails while the comprehension is its own function (before 3.12) and works once it is inlined.
# source: rule: zero-argument super() needs the __class__ cell and the first argument of the function that calls it
# rules: class_scopes/super-needs-first-argument, class_scopes/zero-arg-super
# python: <3.12 — before PEP 709 the comprehension is a function whose first argument is the iterator, so super() gets the wrong object; from 3.12 it is inlined and works


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
