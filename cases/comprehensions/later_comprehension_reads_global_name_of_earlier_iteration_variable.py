# description: Two comprehensions in one function: the first iterates over `size`, the second reads the global `size`; the first's iteration variable is its own, so the second reads the global.
# source: rule: a comprehension's iteration variable does not shadow the enclosing binding for other scopes
# rules: comprehensions/iteration-variable-does-not-shadow, comprehensions/iteration-variable-does-not-leak
# diverges: cpython-3.12 stdout, exception: CPython 3.12.1 raises UnboundLocalError "cannot access local variable 'size'" in the second comprehension (gh-118513, fixed in 3.12.4); the reference for 3.12, CPython 3.12.7, prints [3, 3] (checked against CPython 3.12.7)

size = 3


def count():
    [size for size in range(2)]
    return [size for _ in "ab"]


print(count())
