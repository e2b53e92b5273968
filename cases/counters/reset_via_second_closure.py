# description: A second closure resets the count that the first one increments.
# source: rule: sibling closures share one cell; nonlocal in either one rebinds it
# rules: counters/reset-closure, counters/sibling-closures-share-cell

def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    def reset():
        nonlocal count
        count = 0

    return counter, reset


counter, reset = make_counter()
print(counter(), counter(), counter())
print(reset())
print(counter.__closure__[0].cell_contents)
print(counter(), counter())
