# description: Lambdas made by a list comprehension all see the comprehension variable's last value.
# source: rule: closures made inside a list comprehension close over its single iteration variable
# rules: late_binding/comprehension-closures, late_binding/lookup-at-call-time
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)

def make():
    return [lambda: n * n for n in range(1, 5)]


funcs = make()
print(list(f() for f in funcs))
print(funcs[0].__code__.co_freevars)
print(funcs[0].__closure__[0] is funcs[3].__closure__[0])
