# description: Zipping co_freevars with __closure__ pairs each free variable name with its cell, one cell per name in the same order.
# source: seed 002 closure cells Q&A — def f(): a = "HELO"; b = 1.0; def w(c) example
# rules: introspection/closure-tuple-of-cells, introspection/cell-contents-read
# note: The seed shows __closure__ reprs with addresses; this prints names and contents instead.

def f():
    a = "HELO"
    b = 1.0

    def w(c):
        return a, b, c

    return w


w = f()
print(len(w.__closure__) == len(w.__code__.co_freevars))
for name, cell in zip(w.__code__.co_freevars, w.__closure__):
    print(name, repr(cell.cell_contents))
print(w.__closure__[0].cell_contents)
print(w.__closure__[1].cell_contents)
print(w('c'))
