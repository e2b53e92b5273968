# description: increment and decrement returned by one counter() call share one count.
# source: seed 004 "Understanding Closures in Python" — Data Encapsulation example
# rules: counters/sibling-closures-share-cell, counters/nonlocal-counter

def counter():
    count = 0

    def increment():
        nonlocal count  # Use nonlocal to modify the count variable in the enclosing scope
        count += 1
        return count

    def decrement():
        nonlocal count
        count -= 1
        return count

    return increment, decrement


inc, dec = counter()  # Get closures for increment and decrement
print(inc())  # Output: 1
print(inc())  # Output: 2
print(dec())  # Output: 1
print("count" in globals())
