# description: Only the enclosing variables the inner function actually uses are captured; a parameter with the same name as an outer variable is not.
# source: seed 002 closure cells Q&A — foo() with x, y, z and bar(x) example
# rules: introspection/cell-contents-read, introspection/seed-inspection
# python: <3.12 — the seed's list comprehension has its own code object (scopes) before PEP 709 inlines it
# note: Ported from Python 2: foo().func_closure → foo().__closure__, print [...] → print([...]).

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
