# description: Each call of the factory makes a new cell, so two counters count independently.
# source: rule: every execution of the enclosing function creates fresh cells for its cell variables
# rules: counters/separate-calls-separate-cells

def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter


first = make_counter()
second = make_counter()
print(first(), first(), first())
print(second())
print(first.__closure__[0] is second.__closure__[0])
print(first.__closure__[0].cell_contents, second.__closure__[0].cell_contents)
print(first.__code__ is second.__code__)
