# description: `del` of a nonlocal name empties the enclosing function's cell: the enclosing function then gets UnboundLocalError, a sibling closure NameError, and a second del NameError.
# source: rule: del on a nonlocal name unbinds the enclosing variable
# rules: errors/del-nonlocal, errors/del-empties-cell, errors/free-var-empty-cell, errors/unbound-local-message
# diverges: rustpython stdout: RustPython lets `del` of a nonlocal name whose cell is already empty pass silently, CPython raises NameError "cannot access free variable 'x' …"; and RustPython words UnboundLocalError with the pre-3.11 "local variable 'x' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'x' where it is not associated with a value" (checked against CPython 3.14.2)

def outer():
    x = 'value'

    def forget():
        nonlocal x
        del x

    def read():
        return x

    forget()
    for attempt in (read, forget):
        try:
            attempt()
        except NameError as e:
            print(attempt.__name__, type(e).__name__, e)
    try:
        print(x)
    except NameError as e:
        print('outer', type(e).__name__, e)
    x = 'again'
    print(read())
    return forget, read


functions = outer()
