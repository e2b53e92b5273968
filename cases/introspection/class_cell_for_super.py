# description: A method that calls super() gets the free variable __class__; its cell holds the class once the class statement finishes.
# source: rule: the implicit __class__ closure cell (PEP 3135)
# rules: introspection/class-cell, introspection/closure-none
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

class Base:
    def hello(self):
        return 'base'


class Child(Base):
    def hello(self):
        return 'child of ' + super().hello()

    def plain(self):
        return 'plain'


print(Child().hello())
print(Child.hello.__code__.co_freevars)
print(Child.hello.__closure__[0].cell_contents is Child)
print(Child.plain.__closure__)
print(Base.hello.__closure__)
