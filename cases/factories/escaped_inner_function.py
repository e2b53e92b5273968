# description: Returning the inner function lets it be called after outer() has finished.
# source: seed 001 "Closure" — "Passing the function as a result", escaped = outer()
# rules: factories/returned-inner-function

def outer():
    def inner():
        print("I’m still alive.")

    return inner


escaped = outer()
escaped()  # => I’m still alive.
print(escaped.__name__)
print(escaped.__qualname__)
print(escaped.__closure__)
