# description: nonlocal for a name that no enclosing function binds makes the file fail to compile.
# source: rule: nonlocal names must be bound in an enclosing function scope
# rules: errors/nonlocal-no-binding
# diverges: rustpython exception: RustPython reports the line of a "no binding for nonlocal" SyntaxError as 0; CPython 3.6-3.14 the line of the nonlocal statement (checked against CPython 3.14.2)

def outer():
    def inner():
        nonlocal missing
        missing = 1
        return missing

    return inner


print(outer()())
