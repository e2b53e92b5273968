# description: Two locals() calls in a closure return the same updated dict up to 3.12 and independent snapshots from 3.13.
# source: rule: locals() in a function includes its free variables
# rules: dynamic/locals-includes-free, dynamic/locals-snapshot
# python: <3.13 — before PEP 667 locals() in a function returns the frame's one cached dict, refreshed on each call; from 3.13 each call returns a new snapshot


def outer():
    free = "free"

    def inner():
        free
        first = locals()
        later = "later"
        second = locals()
        return sorted(first), sorted(second), first is second

    return inner


print(outer()())
