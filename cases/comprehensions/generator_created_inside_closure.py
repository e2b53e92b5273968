# description: A closure that returns a generator expression over a free variable; the generator sees the variable when it runs, not when it is made.
# source: rule: a generator function closes over enclosing variables like any function; its generators share the cells
# rules: comprehensions/generator-closes-over-state, comprehensions/genexp-lazy


def make_scaler():
    factor = 2

    def scaled(values):
        return (v * factor for v in values)

    def set_factor(new):
        nonlocal factor
        factor = new

    return scaled, set_factor


scaled, set_factor = make_scaler()
gen = scaled([1, 2, 3])
print(next(gen))
set_factor(10)
print(list(gen))
print(scaled.__code__.co_freevars)
