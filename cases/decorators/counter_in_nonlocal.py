# description: A stateful decorator counts calls in a nonlocal variable of the decorator's scope.
# source: rule: nonlocal lets the wrapper rebind a variable in its enclosing scope
# rules: decorators/nonlocal-state, decorators/wrapper-closes-over-func

def count_calls(func):
    calls = 0

    def wrapper(*args):
        nonlocal calls
        calls += 1
        print('call %d of %s' % (calls, func.__name__))
        return func(*args)

    return wrapper


@count_calls
def square(x):
    return x * x


print(square(3))
print(square(4))
cells = dict(zip(square.__code__.co_freevars, square.__closure__))
print(sorted(cells))
print(cells['calls'].cell_contents)
