# description: The wrapper's closure cell holds the very function that was decorated.
# source: rule: the decorator's parameter is a cell variable; the wrapper's closure refers to it
# rules: decorators/wrapper-closes-over-func

captured = []


def keep(func):
    captured.append(func)

    def wrapper():
        return func() * 2

    return wrapper


@keep
def seven():
    return 7


print(seven())
print(seven.__code__.co_freevars)
print(seven.__closure__[0].cell_contents is captured[0])
print(captured[0]())
print(keep.__code__.co_cellvars)
