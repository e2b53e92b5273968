# description: A factory parameter used by the inner function is both a local name and a cell variable of the factory.
# source: seed 001 "Closure" — make_multiplier: "factor is a free variable in multiply()"
# rules: factories/factory-parameter-cell

def make_multiplier(factor):
    def multiply(n):
        return n * factor

    return multiply


triple = make_multiplier(3)
print(make_multiplier.__code__.co_varnames)
print(make_multiplier.__code__.co_cellvars)
print(make_multiplier.__code__.co_freevars)
print(triple.__code__.co_varnames)
print(triple.__code__.co_freevars)
print(triple.__code__.co_cellvars)
