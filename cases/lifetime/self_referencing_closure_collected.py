# description: A recursive nested function refers to itself through its own cell, a reference cycle that gc.collect() reclaims once the function is dropped.
# source: rule: cycles through cells are ordinary reference cycles, reclaimed by the cycle collector
# rules: lifetime/cell-cycles-collected
# diverges: rustpython stdout: RustPython's gc never frees a cycle through a function's closure (PyFunction::traverse visits the closure tuple's cells, not the tuple): countdown survives gc.collect() and its weakref callback never runs (checked against CPython 3.14.2)
import gc
import weakref

died = []


def make_countdown():
    def countdown(n):
        return [] if n == 0 else [n] + countdown(n - 1)

    return countdown


countdown = make_countdown()
print(countdown(3))
print(countdown.__code__.co_freevars)
print(countdown.__closure__[0].cell_contents is countdown)
ref = weakref.ref(countdown, lambda r: died.append("countdown"))
del countdown
gc.collect()
print(ref() is None)
print(died)
