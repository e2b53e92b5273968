# description: A comprehension's iteration variable does not leak into the enclosing function, even one with the same name.
# source: rule: the iteration variable of a comprehension is private to the comprehension
# rules: comprehensions/iteration-variable-does-not-leak


def f():
    x = "outer x"
    squares = [x * x for x in range(4)]
    try:
        y
    except NameError as e:
        print(type(e).__name__, e)
    doubled = [y * 2 for y in range(2)]
    return x, squares, doubled


print(f())
