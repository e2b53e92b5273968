# description: The class-based counter keeps its count in an instance attribute and prints 1, 2.
# source: seed 000 "Understand Python closure" — class counter with __call__
# rules: counters/class-equivalent
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

# Define a counter with a class, start counting from 0
class counter:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.count


counter = counter()
print(counter())
print(counter())
print(counter.count)
print(hasattr(counter, "__closure__"))
