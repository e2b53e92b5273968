# description: Without nonlocal, count += 1 makes count local to the counter, and the first call fails.
# source: rule: an augmented assignment to a name binds it in the current scope
# rules: counters/nonlocal-required
# python: >=3.11 — before 3.11 the UnboundLocalError message read "local variable 'count' referenced before assignment"

def make_counter():
    count = 0

    def counter():
        count += 1
        return count

    return counter


counter = make_counter()
print(counter.__code__.co_varnames)
print(counter.__code__.co_freevars)
print(counter.__closure__)
print(make_counter.__code__.co_cellvars)
try:
    counter()
except UnboundLocalError as e:
    print(type(e).__name__, e)
