# description: An inner comprehension reads the outer comprehension's loop variable; before 3.12 it is a cell of the outer <listcomp>.
# source: rule: a nested comprehension closes over the iteration variable of the comprehension around it
# rules: comprehensions/nested-comprehension-closure
# python: <3.12 — before PEP 709 the outer <listcomp> holds i as a cell and the inner one as a free variable; from 3.12 both are inlined
# diverges: rustpython stdout, scopes, cells: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no nested <listcomp> code objects, i and j become locals/cells of the enclosing function and the lambda's qualname is lambda_grid.<locals>.<lambda>


def triangle(n):
    return [[(i, j) for j in range(i)] for i in range(n)]


def lambda_grid():
    return [[lambda: (i, j) for j in range(2)] for i in range(2)]


print(triangle(4))
grid = lambda_grid()
print(grid[0][0](), grid[1][0]())
print(grid[0][0].__code__.co_freevars)
print(grid[0][0].__qualname__)
