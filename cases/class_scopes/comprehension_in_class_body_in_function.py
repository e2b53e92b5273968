# description: A comprehension in a class body inside a function skips the class-level name and reads the enclosing function's variable.
# source: rule: comprehensions in a class body do not see class-level names, except through the outermost iterable
# rules: class_scopes/comprehension-in-class-body, class_scopes/class-body-reads-free
# diverges: rustpython scopes: RustPython does not inline a comprehension in a class body: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the class body (PEP 709) (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


def make():
    step = "function step"

    class Holder:
        step = "class step"
        seen = [step for _ in range(2)]

    return Holder


H = make()
print(H.seen)
print(H.step)
print(make.__code__.co_cellvars)
