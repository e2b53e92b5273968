# description: An inner comprehension reads the outer comprehension's loop variable; before 3.12 it is a cell of the outer <listcomp>.
# source: rule: a nested comprehension closes over the iteration variable of the comprehension around it
# rules: comprehensions/nested-comprehension-closure
# diverges: pypy stdout, cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)


def triangle(n):
    return [[(i, j) for j in range(i)] for i in range(n)]


def lambda_grid():
    return [[lambda: (i, j) for j in range(2)] for i in range(2)]


print(triangle(4))
grid = lambda_grid()
print(grid[0][0](), grid[1][0]())
print(grid[0][0].__code__.co_freevars)
print(grid[0][0].__qualname__)
