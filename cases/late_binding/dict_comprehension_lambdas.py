# description: Lambdas stored as values of a dict comprehension all see the last key.
# source: rule: closures made inside a dict comprehension close over its single iteration variable
# rules: late_binding/comprehension-closures, late_binding/lookup-at-call-time
# python: <3.12 — list, dict and set comprehensions are inlined from 3.12 (PEP 709): no <listcomp>/<dictcomp>/<setcomp> code object, the iteration variable becomes a cell of the enclosing function and the lambdas lose the comprehension from their qualname
# diverges: rustpython scopes, cells: RustPython inlines comprehensions (as CPython 3.12+, PEP 709): no <dictcomp> code object, key becomes a cell of make_handlers and the lambdas' qualnames lose <dictcomp>

def make_handlers():
    return {key: (lambda: 'handled ' + key) for key in ['open', 'save', 'quit']}


handlers = make_handlers()
for key in ['open', 'save', 'quit']:
    print(key, '->', handlers[key]())
