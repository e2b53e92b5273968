# description: A decorator may return a lambda as the wrapper; the lambda closes over the decorated function.
# source: rule: any callable expression can be the decorator's result
# rules: decorators/lambda-wrapper, decorators/wrapper-closes-over-func

def negate(func):
    return lambda *args: -func(*args)


@negate
def add(a, b):
    return a + b


print(add(2, 3))
print(add.__name__)
print(add.__qualname__)
print(add.__code__.co_freevars)
print(add.__closure__[0].cell_contents.__name__)
