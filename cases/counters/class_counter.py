# description: The class-based counter keeps its count in an instance attribute and prints 1, 2.
# source: seed 000 "Understand Python closure" — class counter with __call__
# rules: counters/class-equivalent
# diverges: rustpython scopes: RustPython gives a class body a __classdict__ cell whenever it contains a def or a lambda with parameters (co_cellvars gains '__classdict__'); CPython 3.11–3.13 only when an annotation scope needs it

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
