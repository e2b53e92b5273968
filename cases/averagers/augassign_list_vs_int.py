# description: With nonlocal, += on a list mutates the same list in place, while += on an int rebinds the cell to a new object.
# source: seed 003 (running averager notebook) — "+= 1 actually means the same as count = count + 1 when count is a number or any immutable type"
# rules: averagers/augassign-binds-name, averagers/mutation-not-rebinding

def make_recorder():
    series = []
    count = 0

    def record(new_value):
        nonlocal series, count
        series += [new_value]
        count += 1
        return count

    return record


record = make_recorder()
cells = dict(zip(record.__code__.co_freevars, record.__closure__))
series_before = cells["series"].cell_contents
count_before = cells["count"].cell_contents
record(10)
record(11)
print(cells["series"].cell_contents, cells["count"].cell_contents)
print(cells["series"].cell_contents is series_before)
print(count_before, cells["count"].cell_contents == count_before)
print(record.__code__.co_freevars)
