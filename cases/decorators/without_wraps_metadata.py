# description: Without functools.wraps the decorated name reports the wrapper's own metadata: 'wrapper' and '...<locals>.wrapper'.
# source: rule: a wrapper function keeps its own __name__, __qualname__ and __doc__ unless they are copied
# rules: decorators/no-wraps-metadata, decorators/decorator-replaces-name

def logged(func):
    def wrapper(*args):
        return func(*args)
    return wrapper


@logged
def add(a, b):
    """Add two numbers."""
    return a + b


print(add(2, 3))
print(add.__name__)
print(add.__qualname__)
print(add.__doc__)
print(add.__module__)
print(hasattr(add, '__wrapped__'))
