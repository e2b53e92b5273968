# description: avg.__closure__ is a tuple of one cell whose contents are the list [10, 11, 12].
# source: seed 003 (running averager notebook) — In [11]–[17], __closure__, cell type, cell_contents
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

# The binding for series is kept in the __closure__ attribute
# of the returned function. Each item corresponds to a name in co_freevars.
print(len(avg.__closure__))
print(avg.__closure__[0].cell_contents)
print(type(avg.__closure__) is tuple)  # Stored in a tuple
print(type(avg.__closure__[0]).__name__)  # Cell objects
print(type(avg.__closure__[0].cell_contents).__name__)
