# description: A counter kept in a one-element list needs no nonlocal: the closure only mutates the list.
# source: rule: mutating an object reached through a free variable does not rebind the name
# rules: counters/container-counter

def make_counter():
    count = [0]

    def counter():
        count[0] += 1
        return count[0]

    return counter


counter = make_counter()
print(counter())
print(counter())
print(counter.__code__.co_varnames)
print(counter.__code__.co_freevars)
print(counter.__closure__[0].cell_contents)
