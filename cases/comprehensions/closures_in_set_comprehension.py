# description: Closures collected by a set comprehension all read the final value of the shared iteration variable.
# source: rule: closures created in a comprehension close over its iteration variable, which is one variable for the whole comprehension
# rules: comprehensions/closures-share-iteration-variable


def build():
    return {lambda: k * 2 for k in (1, 2, 3)}


def results(functions):
    out = []
    for f in functions:
        out.append(f())
    return sorted(out)


funcs = build()
print(len(funcs))
print(results(funcs))
