# description: Without nonlocal, count += 1 makes count local to the counter, and the first call fails.
# source: rule: an augmented assignment to a name binds it in the current scope
# rules: counters/nonlocal-required
# diverges: rustpython stdout: RustPython words UnboundLocalError with the pre-3.11 "local variable 'count' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'count' where it is not associated with a value" (checked against CPython 3.14.2)

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
