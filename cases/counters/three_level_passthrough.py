# description: A middle function that never names the variable still carries its cell down to the innermost closure.
# source: rule: a free variable of a nested function is also a free variable of every function between it and its binding scope
# rules: counters/three-level-cell

def outer():
    count = 0

    def middle():
        def inner():
            nonlocal count
            count += 1
            return count

        return inner

    return middle


middle = outer()
inner_a = middle()
inner_b = middle()
print(inner_a(), inner_b(), inner_a())
print(middle.__code__.co_freevars)
print(inner_a.__code__.co_freevars)
print(middle.__closure__[0] is inner_a.__closure__[0] is inner_b.__closure__[0])
