# description: A comprehension's loop variable does not leak; its closures see the comprehension's variable, not the outer one.
# source: rule: comprehensions have their own scope for the iteration variable (Python 3)
# rules: late_binding/comprehension-closures, late_binding/comprehension-no-leak
# diverges: rustpython scopes: RustPython does not inline a module-level comprehension: it compiles a <listcomp> code object, where CPython 3.12+ inlines it into the module (PEP 709) and the iteration variable shows in the module's co_varnames (the function-level comprehension is inlined as in CPython) (checked against CPython 3.14.2)
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)

def outer():
    item = 'outer value'
    funcs = [lambda: item for item in ['p', 'q', 'r']]
    print(item)
    print(list(f() for f in funcs))
    return funcs


funcs = outer()

try:
    print([x for x in range(3)])
    print(x)
except NameError as e:
    print(type(e).__name__, e)
