# description: A metaclass that drops __classcell__ from the namespace makes class creation fail with RuntimeError.
# source: rule: when the class body has a __class__ cell, it is passed to the metaclass as __classcell__ in the namespace
# rules: class_scopes/classcell-namespace
# diverges: rustpython stdout: RustPython formats the missing-__classcell__ RuntimeError with Rust Debug output ("defining PyStr { value: "Broken", … } as [PyObject [PyType Broken]]"); CPython "defining 'Broken' as <class '__main__.Broken'>" (checked against CPython 3.14.2)
# diverges: pypy stdout, scopes: PyPy's missing-__classcell__ RuntimeError names the class without quotes ("defining Broken as …"; CPython 3.9 "defining 'Broken' as …"), and PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Forgetful(type):
    def __new__(mcls, name, bases, namespace):
        clean = dict(namespace)
        del clean["__classcell__"]
        return super().__new__(mcls, name, bases, clean)


try:
    class Broken(metaclass=Forgetful):
        def method(self):
            return __class__
except RuntimeError as e:
    print(type(e).__name__, e)
