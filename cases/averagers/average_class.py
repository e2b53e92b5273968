# description: The Average class keeps the history in self.series and returns 10.0, 10.5, 11.0.
# source: seed 003 (running averager notebook) — In [1]–[4], class Average
# rules: averagers/class-average
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

class Average:
    """Class to calculate a running average."""

    def __init__(self):
        self.series = []

    def __call__(self, new_value):
        self.series.append(new_value)
        total = sum(self.series)
        return total / len(self.series)


avg = Average()
print(avg(10))
print(avg(11))
print(avg(12))
print(avg.series)
