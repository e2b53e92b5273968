# description: Two locals() calls in a closure return the same updated dict up to 3.12 and independent snapshots from 3.13.
# source: rule: locals() in a function includes its free variables
# rules: dynamic/locals-includes-free, dynamic/locals-snapshot
# diverges: rustpython stdout: RustPython's locals() in a function returns the frame's one cached dict, as before 3.13; CPython 3.13+ returns a new snapshot each call (PEP 667), so two calls return the same dict with every name (checked against CPython 3.14.2)


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
