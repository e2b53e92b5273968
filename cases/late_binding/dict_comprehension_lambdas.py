# description: Lambdas stored as values of a dict comprehension all see the last key.
# source: rule: closures made inside a dict comprehension close over its single iteration variable
# rules: late_binding/comprehension-closures, late_binding/lookup-at-call-time
# diverges: pypy cells: PyPy puts <locals> after a comprehension in a qualname (<listcomp>.<locals>.<lambda>); CPython 3.9 writes <listcomp>.<lambda> (checked against CPython 3.9.18)

def make_handlers():
    return {key: (lambda: 'handled ' + key) for key in ['open', 'save', 'quit']}


handlers = make_handlers()
for key in ['open', 'save', 'quit']:
    print(key, '->', handlers[key]())
