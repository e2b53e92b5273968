# description: functools.wraps copies __name__, __doc__, __qualname__ and __module__ onto the wrapper and sets __wrapped__.
# source: rule: functools.wraps(func) applies update_wrapper, copying the function's metadata onto the wrapper
# rules: decorators/wraps-copies-metadata, decorators/wrapper-closes-over-func
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


class Shapes:
    @logged
    def area(self, w, h):
        """Area of a w by h rectangle."""
        return w * h


@logged
def add(a, b):
    """Add two numbers."""
    return a + b


print(add(2, 3))
print(add.__name__)
print(add.__qualname__)
print(add.__doc__)
print(add.__module__)
print(add.__wrapped__.__name__, add.__wrapped__(4, 5))
print(add.__wrapped__ is add.__closure__[0].cell_contents)
print(add.__code__.co_name)
print(Shapes.area.__qualname__, Shapes.area.__doc__)
