# description: w closes over a = "HELO" and b = 1.0; its closure has two cells, a str and a float.
# source: seed 002 (closure cells Q&A) — f/w example: w.__closure__[0].cell_contents 'HELO', [1] 1.0
# rules: claims/cell-per-free-variable
# note: The seed prints the cell reprs (with addresses); this case prints their contents' types instead.

def f():
    a = "HELO"
    b = 1.0

    def w(c):
        return a, b, c

    return w


w = f()
print(len(w.__closure__))
print(w.__closure__[0].cell_contents)
print(w.__closure__[1].cell_contents)
print(type(w.__closure__[0].cell_contents).__name__, type(w.__closure__[1].cell_contents).__name__)
print(w("!"))
