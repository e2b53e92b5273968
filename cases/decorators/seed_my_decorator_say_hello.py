# description: Seed 004's my_decorator wraps say_hello so that lines are printed before and after the call.
# source: seed 004 "Understanding Closures in Python" — Decorators (my_decorator / say_hello)
# rules: decorators/decorator-replaces-name, decorators/wrapper-closes-over-func

def my_decorator(func):
    def wrapper():
        print("Something is happening before the function is called.")
        func()
        print("Something is happening after the function is called.")
    return wrapper

@my_decorator
def say_hello():
    print("Hello!")

say_hello()
