# description: The exponentiate factory makes square and cube, each with its own power cell.
# source: seed 004 "Understanding Closures in Python" — Function Factory, exponentiate
# rules: factories/function-factory, factories/factory-parameter-cell

def exponentiate(power):
    def inner(base):
        return base ** power

    return inner


square = exponentiate(2)
cube = exponentiate(3)

print(square(4))  # Output: 16
print(cube(4))  # Output: 64
print(square.__closure__[0].cell_contents, cube.__closure__[0].cell_contents)
print(square.__code__ is cube.__code__)
