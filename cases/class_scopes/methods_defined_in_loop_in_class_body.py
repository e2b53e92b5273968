# description: Functions created in a loop in a class body cannot close over the loop variable; it is a class attribute, so bare reads go to globals.
# source: rule: a loop variable in a class body is a class attribute, not a cell; functions defined in the loop cannot capture it
# rules: class_scopes/loop-in-class-body, class_scopes/class-body-not-enclosing
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

i = "global i"


def call_all(functions):
    results = []
    for f in functions:
        results.append(f())
    return results


class Ops:
    bare = []
    defaulted = []
    for i in range(3):
        bare.append(lambda: i)
        defaulted.append(lambda i=i: i)

        def method(self):
            return i


print(call_all(Ops.bare))
print(call_all(Ops.defaulted))
print(Ops.i)
print(Ops().method())
print(Ops.bare[0].__code__.co_freevars, Ops.bare[0].__closure__)
