# description: A generator function defined in a factory keeps its count in the factory's cell; two generators from one factory share it.
# source: rule: a generator function closes over enclosing variables like any function; its generators share the cells
# rules: comprehensions/generator-closes-over-state


def make_counter(start):
    count = start

    def ticks():
        nonlocal count
        while True:
            count += 1
            yield count

    return ticks


ticks = make_counter(10)
a = ticks()
b = ticks()
print(next(a), next(a), next(b), next(a))
print(ticks.__code__.co_freevars)
print(ticks.__closure__[0].cell_contents)
other = make_counter(0)()
print(next(other))
