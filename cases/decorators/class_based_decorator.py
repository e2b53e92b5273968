# description: A class with __call__ used as a decorator keeps state on the instance, where a closure decorator keeps it in a cell.
# source: rule: @decorator works with any callable; an instance with __call__ replaces the function
# rules: decorators/class-based-decorator, decorators/nonlocal-state
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)


def count_calls(func):
    calls = 0

    def wrapper(*args):
        nonlocal calls
        calls += 1
        return func(*args)

    return wrapper


@CountCalls
def inc_obj(x):
    return x + 1


@count_calls
def inc_fn(x):
    return x + 1


print(inc_obj(1), inc_obj(2), inc_fn(1), inc_fn(2))
print(type(inc_obj).__name__, type(inc_fn).__name__)
print(inc_obj.calls)
print(dict(zip(inc_fn.__code__.co_freevars, (c.cell_contents for c in inc_fn.__closure__)))['calls'])
print(inc_obj.func.__name__, hasattr(inc_obj, '__closure__'))
