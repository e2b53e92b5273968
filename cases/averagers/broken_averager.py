# description: The broken total/count averager raises UnboundLocalError on its first call, because count += 1 makes count local.
# source: seed 003 (running averager notebook) — In [20]–[24], broken make_averager
# rules: averagers/broken-averager-unboundlocal
# note: Ends with the uncaught UnboundLocalError on purpose, as the notebook does.
# diverges: rustpython exception: RustPython words UnboundLocalError with the pre-3.11 "local variable 'count' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'count' where it is not associated with a value" (checked against CPython 3.14.2)

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
avg(10)
