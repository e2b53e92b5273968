# description: An inner function defined and called inside outer runs there, but its name is not visible outside.
# source: seed 001 "Closure" — outer() defining and calling inner()
# rules: factories/nested-def-local

def outer():
    def inner():
        print("Hello from the inside")

    inner()


outer()
print(outer.__code__.co_varnames)
try:
    inner()
except NameError as e:
    print(type(e).__name__, e)
