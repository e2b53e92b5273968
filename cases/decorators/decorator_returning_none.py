# description: A decorator that forgets to return the wrapper rebinds the decorated name to None.
# source: rule: the decorated name is bound to whatever the decorator returns
# rules: decorators/decorator-replaces-name

def forgetful(func):
    def wrapper():
        return func()
    # no return statement


@forgetful
def hello():
    return 'hello'


print(hello)
try:
    hello()
except TypeError as e:
    print(type(e).__name__, e)
