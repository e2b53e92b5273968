# description: Sibling closures from one call share the same cell object for their common variable; closures from separate calls get separate cells.
# source: seed 004 "Understanding Closures in Python" — counter() returns increment and decrement
# rules: introspection/siblings-share-cell

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
print(inc())
print(inc())
print(dec())
print(inc.__closure__[0] is dec.__closure__[0])
inc2, dec2 = counter()
print(inc.__closure__[0] is inc2.__closure__[0])
print(inc2(), inc())
