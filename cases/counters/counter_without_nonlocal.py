# description: Without nonlocal, count += 1 makes count local to the counter, and the first call fails.
# source: rule: an augmented assignment to a name binds it in the current scope
# rules: counters/nonlocal-required
# python: >=3.11 — before 3.11 the UnboundLocalError message read "local variable 'count' referenced before assignment"
# diverges: rustpython stdout: RustPython uses the pre-3.11 wording "local variable 'count' referenced before assignment" (CPython 3.11+: "cannot access local variable 'count' where it is not associated with a value") though it reports 3.14

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
