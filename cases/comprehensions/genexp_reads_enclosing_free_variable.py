# description: A generator expression reading a parameter of its function makes that parameter a cell on every version; the genexp has it as a free variable.
# source: rule: a comprehension reads the enclosing function's variables; if it is its own scope they are free variables of it
# rules: comprehensions/comprehension-reads-free


def scale_all(values, factor):
    return tuple(v * factor for v in values)


def nested_code(function):
    for const in function.__code__.co_consts:
        if hasattr(const, "co_freevars"):
            return const


print(scale_all([1, 2, 3], 3))
print(scale_all.__code__.co_cellvars)
print(nested_code(scale_all).co_name, nested_code(scale_all).co_freevars)
