# description: nonlocal does not reach module globals: a nested function declaring nonlocal for a name that only the module binds makes the file fail to compile.
# source: rule: nonlocal binds only to enclosing function scopes
# rules: errors/nonlocal-skips-globals, errors/nonlocal-no-binding
# diverges: rustpython exception: RustPython reports the line of a "no binding for nonlocal" SyntaxError as 0; CPython 3.6-3.14 the line of the nonlocal statement (checked against CPython 3.14.2)

hits = 0


def outer():
    def record():
        nonlocal hits
        hits += 1

    record()


outer()
print(hits)
