# description: bar uses its own parameter x but the enclosing y and z, so only y and z are in its closure.
# source: seed 002 (closure cells Q&A) — "Example Python < 3 (so I am using func_closure)": ['I am free', 'I am free too']
# rules: claims/only-free-variables-captured, introspection/cell-contents-read, introspection/seed-inspection
# python: <3.12 — from 3.12 the list comprehension is inlined (PEP 709) and has no code object of its own in scopes
# note: Ported from Python 2: foo().func_closure → foo().__closure__, `print [...]` → print([...]).

def foo():
    x = "I am used"
    y = "I am free"
    z = "I am free too"

    def bar(x):
        return x, y, z

    return bar


c = foo().__closure__
print([i.cell_contents for i in c])
print(foo().__code__.co_freevars)
print(foo.__code__.co_cellvars)
print(foo.__code__.co_varnames)
