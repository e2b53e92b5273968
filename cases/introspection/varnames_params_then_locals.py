# description: co_varnames lists parameters first (positional, keyword-only, *args, **kwargs) and then other locals; a captured parameter stays in co_varnames too.
# source: rule: code object layout of local variable names
# rules: introspection/varnames-params-first, introspection/cellvars-order

def outer(a, b=2, *rest, key, **extra):
    local_one = a + b
    local_two = key

    def inner():
        return a, local_two

    return inner


code = outer.__code__
print(code.co_varnames)
print(code.co_argcount, code.co_kwonlyargcount)
print(code.co_cellvars)
print(outer(1, key=3).__code__.co_varnames)
