# description: A cell fetched once from __closure__ shows the current count after each later call.
# source: seed 000 "Understand Python closure" — "each time you call the counter, it will update the count"
# rules: counters/count-in-cell

def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter


counter = make_counter()
cell = counter.__closure__[0]
print(cell.cell_contents)
for _ in range(3):
    counter()
    print(cell.cell_contents)
