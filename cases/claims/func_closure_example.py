# description: bar uses its own parameter x but the enclosing y and z, so only y and z are in its closure.
# source: seed 002 (closure cells Q&A) — "Example Python < 3 (so I am using func_closure)": ['I am free', 'I am free too']
# rules: claims/only-free-variables-captured, introspection/cell-contents-read, introspection/seed-inspection
# note: Ported from Python 2: foo().func_closure → foo().__closure__, `print [...]` → print([...]).
# diverges: rustpython scopes: RustPython does not inline a module-level comprehension: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the module (PEP 709) and the iteration variable shows in the module's co_varnames (checked against CPython 3.14.2)

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
