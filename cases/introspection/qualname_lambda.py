# description: Lambdas get the qualname "<lambda>", prefixed with "outer.<locals>." when created inside a function.
# source: rule: PEP 3155 qualified names
# rules: introspection/qualname-locals
# diverges: rustpython stdout, scopes: RustPython omits <locals> after an enclosing lambda: a lambda returned by a lambda gets qualname outer.<locals>.<lambda>.<lambda>; CPython outer.<locals>.<lambda>.<locals>.<lambda> (checked against CPython 3.14.2)

top = lambda: 0


def outer(n):
    add = lambda x: x + n
    nested = lambda: lambda: n
    return add, nested


add, nested = outer(1)
print(top.__qualname__)
print(add.__qualname__)
print(nested.__qualname__)
print(nested().__qualname__)
print(add.__name__)
