# description: Factory parameters become cells too: a counter with its own start and step.
# source: rule: a parameter of the enclosing function referenced by a nested function is a cell variable
# rules: counters/nonlocal-counter, counters/separate-calls-separate-cells

def make_counter(start, step):
    def counter():
        nonlocal start
        start += step
        return start

    return counter


by_two = make_counter(0, 2)
by_ten = make_counter(100, 10)
print(by_two(), by_two(), by_ten(), by_two(), by_ten())
print(make_counter.__code__.co_varnames)
print(make_counter.__code__.co_cellvars)
print(by_two.__code__.co_freevars)
print(by_ten.__closure__[0].cell_contents, by_ten.__closure__[1].cell_contents)
