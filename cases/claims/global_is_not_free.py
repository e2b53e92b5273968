# description: A module-level function that reads a global has no closure; the global is looked up by name, not held in a cell.
# source: seed 003 (running averager notebook) — "The only situation in which a function has to deal with external variables that are non-global is when it is nested in another function"
# rules: claims/only-nested-functions-close

rate = 2


def scaled(value):
    return value * rate


def outer():
    def nested_reads_global(value):
        return value * rate

    return nested_reads_global


nested = outer()
print(scaled(10), nested(10))
print(scaled.__closure__, scaled.__code__.co_freevars, scaled.__code__.co_names)
print(nested.__closure__, nested.__code__.co_freevars, nested.__code__.co_names)
print(outer.__code__.co_cellvars)
rate = 3
print(scaled(10), nested(10))
