# description: Sibling closures hold the very same cell object, so a write by one is seen by the other's cell.
# source: seed 004 "Understanding Closures in Python" — Data Encapsulation: "These closures share access to the count variable"
# rules: counters/sibling-closures-share-cell

def counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    def decrement():
        nonlocal count
        count -= 1
        return count

    return increment, decrement


inc, dec = counter()
print(inc.__closure__[0] is dec.__closure__[0])
inc()
inc()
inc()
print(dec.__closure__[0].cell_contents)
dec()
print(inc.__closure__[0].cell_contents)
print(inc.__code__.co_freevars, dec.__code__.co_freevars)
print(counter.__code__.co_cellvars)
