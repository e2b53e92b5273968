# description: The namespace a metaclass receives holds __classcell__ only when some method uses super() or __class__.
# source: rule: when the class body has a __class__ cell, it is passed to the metaclass as __classcell__ in the namespace
# rules: class_scopes/classcell-namespace, class_scopes/implicit-class-cell
# diverges: rustpython scopes: RustPython gives a class body a __classdict__ cell whenever it contains a def or a lambda with parameters (co_cellvars gains '__classdict__'); CPython 3.11–3.13 only when an annotation scope needs it

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
