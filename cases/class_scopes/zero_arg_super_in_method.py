# description: Zero-argument super() in a method uses the __class__ cell and the first argument, across a three-level hierarchy.
# source: rule: zero-argument super() is super(__class__, <first argument>)
# rules: class_scopes/zero-arg-super
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class A:
    def describe(self):
        return ["A"]


class B(A):
    def describe(self):
        return ["B"] + super().describe()


class C(B):
    def describe(self):
        return ["C"] + super().describe()

    @classmethod
    def make(cls):
        return super().__new__(cls)


print(C().describe())
print(type(C.make()).__name__)
print(B.describe.__code__.co_freevars)
print(C.make.__func__.__code__.co_freevars)
