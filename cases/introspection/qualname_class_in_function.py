# description: A class defined in a function and its methods get qualnames through "<locals>": "make.<locals>.Box" and "make.<locals>.Box.get".
# source: rule: PEP 3155 qualified names
# rules: introspection/qualname-locals
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

def make(value):
    class Box:
        def get(self):
            return value

        def helper(self):
            def inner():
                return value

            return inner

    return Box


Box = make(5)
print(Box.__qualname__)
print(Box.get.__qualname__)
print(Box().helper().__qualname__)
print(Box.get.__code__.co_freevars)
print(Box().get())
