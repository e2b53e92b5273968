# description: make_multiplier(3) and make_multiplier(2) give triple and double; triple's closure holds factor 3.
# source: seed 001 "Closure" — make_multiplier with triple/double and [c.cell_contents for c in triple.__closure__]
# rules: factories/function-factory, factories/factory-parameter-cell
# python: <3.12 — from 3.12 the list comprehension is inlined (PEP 709) and has no code object of its own in scopes

def make_multiplier(factor):
    def multiply(n):
        return n * factor

    return multiply


triple = make_multiplier(3)
double = make_multiplier(2)
print(triple(10))  # 30
print(double(10))  # 20
print(len(triple.__closure__))
print([c.cell_contents for c in triple.__closure__])
print([c.cell_contents for c in double.__closure__])
print(triple.__code__.co_freevars)
