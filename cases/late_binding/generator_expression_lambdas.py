# description: A generator expression of lambdas gives the current value if each is called as it is produced, the last if all are produced first.
# source: rule: a free variable is read at call time; a generator advances its loop variable lazily
# rules: late_binding/generator-lazy-binding, late_binding/lookup-at-call-time
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)

def make():
    return (lambda: x for x in 'abc')


for f in make():
    print('called while iterating:', f())

funcs = list(make())
print('called after iterating:', list(f() for f in funcs))
