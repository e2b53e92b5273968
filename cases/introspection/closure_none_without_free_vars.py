# description: __closure__ is None for a top-level function and for a nested function that uses no enclosing variable; a closure gets a tuple.
# source: seed 002 closure cells Q&A — "__closure__ is None or a tuple of cells"
# rules: introspection/closure-none, introspection/closure-tuple-of-cells

def top_level(x):
    return x + 1


def outer():
    y = 2

    def plain(z):
        return z * 2

    def closure():
        return y

    return plain, closure


plain, closure = outer()
print(top_level.__closure__)
print(plain.__closure__)
print(outer.__closure__)
print(type(closure.__closure__).__name__, len(closure.__closure__))
print(plain.__code__.co_freevars, closure.__code__.co_freevars)
