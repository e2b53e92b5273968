# description: make_counter's nonlocal count lives in a cell that survives between calls.
# source: seed 000 "Understand Python closure" — make_counter example with co_freevars and cell_contents
# rules: counters/nonlocal-counter, counters/count-in-cell

def make_counter():
    # Outer closure function
    count = 0

    def counter():
        # Nested function
        nonlocal count
        count += 1
        return count

    return counter


# Run closure function
counter = make_counter()
print(counter())
print(counter())

# View free variable
print(counter.__code__.co_freevars)
print(counter.__closure__[0].cell_contents)
