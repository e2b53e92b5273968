# description: The functional make_averager keeps the history in the free variable series and returns 10.0, 10.5, 11.0.
# source: seed 003 (running averager notebook) — In [5]–[8], list-based make_averager
# rules: averagers/list-averager

# Now for a functional implementation


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
