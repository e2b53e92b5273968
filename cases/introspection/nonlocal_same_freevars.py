# description: A closure that only reads the enclosing variable and one that rebinds it with nonlocal have the same co_freevars and share one cell.
# source: seed 004 "Understanding Closures in Python" — counter() with increment/decrement, plus a reader
# rules: introspection/nonlocal-same-freevars, introspection/siblings-share-cell

def counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    def peek():
        return count

    return increment, peek


increment, peek = counter()
print(increment.__code__.co_freevars, peek.__code__.co_freevars)
print(increment.__code__.co_varnames, peek.__code__.co_varnames)
print(increment.__closure__[0] is peek.__closure__[0])
increment()
increment()
print(peek())
