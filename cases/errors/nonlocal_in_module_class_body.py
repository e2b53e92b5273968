# description: nonlocal in the body of a module-level class finds no enclosing function and makes the file fail to compile, even with a global of that name.
# source: rule: a class body's nonlocal looks only at enclosing function scopes
# rules: errors/nonlocal-class-body, errors/nonlocal-no-binding

level = 0


class Config:
    nonlocal level
    level = 1


print(Config.level, level)
