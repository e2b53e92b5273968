# description: make_multiplier(3) and make_multiplier(2) give triple and double; triple's closure holds factor 3.
# source: seed 001 "Closure" — make_multiplier with triple/double and [c.cell_contents for c in triple.__closure__]
# rules: factories/function-factory, factories/factory-parameter-cell
# diverges: rustpython scopes: RustPython does not inline a module-level comprehension: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the module (PEP 709) and the iteration variable shows in the module's co_varnames (checked against CPython 3.14.2)

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
