# description: Applying a decorator by hand (f = deco(f)) gives the same behaviour and closure as the @deco syntax.
# source: rule: @deco before def f is f = deco(f), done once after the function is created
# rules: decorators/manual-application, decorators/decorator-replaces-name

def twice(func):
    def wrapper(x):
        return func(func(x))
    return wrapper


@twice
def inc_at(x):
    return x + 1


def inc_manual(x):
    return x + 1


original = inc_manual
inc_manual = twice(inc_manual)

print(inc_at(5), inc_manual(5))
print(inc_at.__name__, inc_manual.__name__)
print(inc_at.__code__ is inc_manual.__code__)
print(inc_manual.__closure__[0].cell_contents is original)
print(inc_at.__closure__[0].cell_contents.__name__)
