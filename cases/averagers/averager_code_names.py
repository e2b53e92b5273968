# description: The averager's code object lists new_value and total as locals and series as its only free variable.
# source: seed 003 (running averager notebook) — In [9]–[10], co_varnames and co_freevars
# rules: averagers/averager-introspection

def make_averager():
    series = []

    def averager(new_value):
        series.append(new_value)
        total = sum(series)
        return total / len(series)

    return averager


avg = make_averager()
avg(10)
avg(11)
avg(12)
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(make_averager.__code__.co_cellvars)
