# description: A stateful decorator keeps its call count as an attribute of the wrapper function instead of in a cell.
# source: rule: functions are objects with a writable __dict__; the wrapper finds itself through its enclosing scope
# rules: decorators/function-attribute-state, decorators/wrapper-closes-over-func

def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)

    wrapper.calls = 0
    return wrapper


@count_calls
def square(x):
    return x * x


print(square(3), square(4), square(5))
print(square.calls)
print(square.__dict__)
print(square.__code__.co_freevars)
square.calls = 100
square(1)
print(square.calls)
