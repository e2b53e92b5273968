# description: An assignment expression in a generator expression binds the name in the enclosing function, which holds it in a cell on every version.
# source: rule: := in a comprehension binds in the nearest enclosing function scope
# rules: comprehensions/walrus-binds-enclosing, comprehensions/genexp-lazy
# requires: >=3.8 — assignment expressions (:=, PEP 572) are new in 3.8


def first_long(words):
    hit = None
    any(len(hit := w) > 3 for w in words)
    return hit


print(first_long(["a", "bb", "cccc", "ddddd"]))
print(first_long(["x"]))
print(first_long.__code__.co_cellvars)
