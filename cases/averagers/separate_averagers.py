# description: Two averagers made by two calls of make_averager keep separate histories.
# source: seed 003 (running averager notebook) — list-based make_averager, called twice
# rules: averagers/list-averager

def make_averager():
    series = []

    def averager(new_value):
        series.append(new_value)
        total = sum(series)
        return total / len(series)

    return averager


a = make_averager()
b = make_averager()
print(a(10), a(20))
print(b(1), b(2), b(3))
print(a.__closure__[0].cell_contents, b.__closure__[0].cell_contents)
print(a.__closure__[0] is b.__closure__[0])
