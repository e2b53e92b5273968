# description: A function defined inside another lives in that function's local scope and cannot be called from outside.
# source: seed 001 "Closure" — "inner() only lives within the scope of outer() and cannot be directly called from the outside"
# rules: claims/nested-def-is-local

def outer():
    def inner():
        return "inside"

    return inner()


print(outer())
print("inner" in globals())
print(hasattr(outer, "inner"))
print(outer.__code__.co_varnames)
try:
    inner()
except NameError as e:
    print(type(e).__name__, e)
