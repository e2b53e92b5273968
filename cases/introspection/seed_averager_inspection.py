# description: The running averager's returned function has the local names in co_varnames, series in co_freevars, and a tuple holding one cell whose contents is the list.
# source: seed 003 running averager notebook — inspecting avg.__code__ and avg.__closure__
# rules: introspection/seed-inspection, introspection/cell-type, introspection/cell-contents-read

def make_averager():
    series = []

    def averager(new_value):
        series.append(new_value)
        total = sum(series)
        return total / len(series)

    return averager


avg = make_averager()
print(avg(10))
print(avg(11))
print(avg(12))
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(avg.__closure__[0].cell_contents)
print(type(avg.__closure__).__name__)
print(type(avg.__closure__[0]).__name__)
print(type(avg.__closure__[0].cell_contents).__name__)
