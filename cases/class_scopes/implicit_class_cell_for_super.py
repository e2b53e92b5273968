# description: A method calling zero-argument super() gets __class__ as a free variable, and the class body gets __class__ as a cell variable.
# source: rule: using super() or __class__ in a method creates an implicit __class__ cell in the class body
# rules: class_scopes/implicit-class-cell, class_scopes/zero-arg-super
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Base:
    def hello(self):
        return "base hello"


class Child(Base):
    def hello(self):
        return "child+" + super().hello()

    def plain(self):
        return "plain"


print(Child().hello())
print(Child.hello.__code__.co_freevars)
print(Child.hello.__closure__[0].cell_contents is Child)
print(Child.plain.__code__.co_freevars)
print(Child.plain.__closure__)
