# description: nonlocal in the body of a module-level class finds no enclosing function and makes the file fail to compile, even with a global of that name.
# source: rule: a class body's nonlocal looks only at enclosing function scopes
# rules: errors/nonlocal-class-body, errors/nonlocal-no-binding
# diverges: rustpython exception: RustPython reports the line of a "no binding for nonlocal" SyntaxError as 0; CPython 3.6-3.14 the line of the nonlocal statement (checked against CPython 3.14.2)

level = 0


class Config:
    nonlocal level
    level = 1


print(Config.level, level)
