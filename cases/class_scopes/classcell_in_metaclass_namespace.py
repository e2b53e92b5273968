# description: The namespace a metaclass receives holds __classcell__ only when some method uses super() or __class__.
# source: rule: when the class body has a __class__ cell, it is passed to the metaclass as __classcell__ in the namespace
# rules: class_scopes/classcell-namespace, class_scopes/implicit-class-cell
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

seen = []


class Recorder(type):
    def __new__(mcls, name, bases, namespace):
        seen.append((name, "__classcell__" in namespace))
        return super().__new__(mcls, name, bases, namespace)


class UsesSuper(metaclass=Recorder):
    def method(self):
        return super().__repr__


class UsesDunderClass(metaclass=Recorder):
    def method(self):
        return __class__


class Plain(metaclass=Recorder):
    def method(self):
        return self


for entry in seen:
    print(entry)
print(UsesDunderClass().method() is UsesDunderClass)
print("__classcell__" in UsesSuper.__dict__)
