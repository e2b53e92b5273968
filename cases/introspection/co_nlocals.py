# description: co_nlocals counts the local variable names in co_varnames; free variables and non-parameter cell variables are not counted.
# source: rule: code object layout of local variable names
# rules: introspection/nlocals, introspection/varnames-params-first

def outer(param):
    plain = 1
    captured = 2

    def inner(arg):
        temp = arg + captured + param
        return temp

    return inner, plain


inner, _ = outer(0)
for code in (outer.__code__, inner.__code__):
    print(code.co_name, code.co_nlocals, code.co_varnames, code.co_cellvars, code.co_freevars)
    print(code.co_nlocals == len(code.co_varnames))
