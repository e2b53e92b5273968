# description: Declaring count and total nonlocal fixes the averager: 10.0, 10.5, 11.0 with two cells.
# source: seed 003 (running averager notebook) — the fix for the broken total/count averager
# rules: averagers/nonlocal-fix
# note: The seed stops at the broken version; nonlocal is the fix it leads up to.

def make_averager():
    total = 0
    count = 0

    def averager(new_value):
        nonlocal count, total
        count += 1
        total += new_value
        return total / count

    return averager


avg = make_averager()
print(avg(10))
print(avg(11))
print(avg(12))
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(avg.__closure__[0].cell_contents, avg.__closure__[1].cell_contents)
