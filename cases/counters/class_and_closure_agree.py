# description: A closure counter and a class counter, side by side, give the same sequence.
# source: seed 000 "Understand Python closure" — closure counter vs class counter
# rules: counters/class-equivalent, counters/nonlocal-counter
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter


class Counter:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.count


closure_counter = make_counter()
class_counter = Counter()
closure_results = []
class_results = []
for _ in range(4):
    closure_results.append(closure_counter())
    class_results.append(class_counter())
print(closure_results)
print(class_results)
print(closure_results == class_results)
print(closure_counter.__closure__[0].cell_contents == class_counter.count)
