# description: series.append mutates the list in the cell; no assignment to series, so no nonlocal is needed.
# source: seed 003 (running averager notebook) — "There was no problem like that before because we never assigned to the series object we just called the series.append method"
# rules: averagers/mutation-not-rebinding

def make_averager():
    series = []

    def averager(new_value):
        series.append(new_value)
        return sum(series) / len(series)

    return averager


avg = make_averager()
before = avg.__closure__[0].cell_contents
print(avg(1), avg(2), avg(6))
print(avg.__closure__[0].cell_contents is before)
print("series" in avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
