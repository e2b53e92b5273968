# description: A plain decorator passes any arguments through to the wrapped function and changes its result.
# source: rule: @decorator above def binds the name to decorator(function)
# rules: decorators/decorator-replaces-name, decorators/wrapper-closes-over-func

def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + '!'
    return wrapper


@shout
def greet(name, greeting='hello'):
    return greeting + ' ' + name


print(greet('ada'))
print(greet('bob', greeting='hi'))
print(greet.__name__)
print(greet.__code__.co_freevars)
