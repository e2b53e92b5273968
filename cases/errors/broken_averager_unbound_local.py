# description: The broken running averager: `count += 1` makes count local to averager, so the first call raises UnboundLocalError.
# source: seed 003 running averager notebook — "Broken implementation of higher-order function"
# rules: errors/assignment-makes-local, errors/unbound-local-message
# diverges: rustpython exception: RustPython words UnboundLocalError with the pre-3.11 "local variable 'x' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'x' where it is not associated with a value" (checked against CPython 3.14.2)


def make_averager():
    """Broken implementation of higher-order function"""
    total = 0
    count = 0

    def averager(new_value):
        count += 1
        total += new_value
        return total / count

    return averager


avg = make_averager()
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(avg.__closure__)
print(make_averager.__code__.co_cellvars)
avg(10)
