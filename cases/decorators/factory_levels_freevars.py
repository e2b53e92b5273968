# description: In a decorator factory each level closes over what it needs: decorator over the factory's arguments, wrapper over those and func.
# source: rule: a nested function's co_freevars name the outer variables it uses, including ones it only passes inward
# rules: decorators/decorator-factory, decorators/wrapper-closes-over-func

def bounded(low, high):
    def decorator(func):
        def wrapper(x):
            return max(low, min(high, func(x)))
        return wrapper
    print('decorator freevars:', decorator.__code__.co_freevars)
    return decorator


print('factory cellvars:', bounded.__code__.co_cellvars)
print('factory freevars:', bounded.__code__.co_freevars)


@bounded(0, 10)
def triple(x):
    return 3 * x


print('wrapper freevars:', triple.__code__.co_freevars)
print(triple(2), triple(5), triple(-1))
contents = list(c.cell_contents for c in triple.__closure__)
print(contents[0].__name__, contents[1:])
