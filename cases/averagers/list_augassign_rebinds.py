# description: series += [v] on a list is still an assignment to series, so without nonlocal it is local and fails.
# source: seed 003 (running averager notebook) — "+= ... actually means the same as count = count + 1 ... that makes a local variable"
# rules: averagers/augassign-binds-name
# diverges: rustpython stdout: RustPython words UnboundLocalError with the pre-3.11 "local variable 'series' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'series' where it is not associated with a value" (checked against CPython 3.14.2)

# The list would be extended in place, but the statement also rebinds the name,
# and any binding of a name in a function body makes it local to that function.


def make_averager():
    series = []

    def averager(new_value):
        series += [new_value]
        return sum(series) / len(series)

    return averager


avg = make_averager()
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(avg.__closure__)
try:
    avg(10)
except UnboundLocalError as e:
    print(type(e).__name__, e)
