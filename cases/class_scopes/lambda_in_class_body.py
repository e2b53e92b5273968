# description: A lambda stored in a class body is a method; its bare names skip the class namespace, while a default argument captures a class-level value.
# source: rule: a class body is not an enclosing scope for the functions defined in it
# rules: class_scopes/lambda-in-class-body, class_scopes/class-body-not-enclosing
# diverges: rustpython scopes: RustPython gives a class body that holds only lambdas a __classdict__ cell; CPython 3.14 adds that cell for a def in the class body (which may have annotations), not for lambdas (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

rate = "global rate"


class Pricing:
    rate = "class rate"
    bare = lambda self: rate
    captured = lambda self, r=rate: r
    static = staticmethod(lambda: rate)


p = Pricing()
print(p.bare())
print(p.captured())
print(Pricing.static())
print(Pricing.bare.__code__.co_freevars)
print(Pricing.bare.__name__)
