# description: Closures collected by a set comprehension all read the final value of the shared iteration variable.
# source: rule: closures created in a comprehension close over its iteration variable, which is one variable for the whole comprehension
# rules: comprehensions/closures-share-iteration-variable
# python: <3.12 — before PEP 709 the cell belongs to the <setcomp> code object; from 3.12 it belongs to the enclosing function
# diverges: rustpython scopes: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no <setcomp> code object, k becomes a cell of build and the lambda's qualname loses <setcomp>


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
