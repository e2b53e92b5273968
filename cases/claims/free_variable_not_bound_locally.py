# description: A free variable is one used in a function but not bound in its local scope; it appears in co_freevars, not co_varnames.
# source: seed 003 (running averager notebook) — "series is a free variable - meaning a variable that is not bound in the local scope"
# rules: claims/free-variable-definition

def make():
    series = []
    label = "avg"

    def averager(new_value):
        series.append(new_value)
        result = sum(series) / len(series)
        return label, result

    return averager


averager = make()
print(averager(4), averager(8))
print(averager.__code__.co_varnames)
print(averager.__code__.co_freevars)
print(set(averager.__code__.co_varnames) & set(averager.__code__.co_freevars) == set())
