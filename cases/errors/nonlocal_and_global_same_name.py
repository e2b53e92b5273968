# description: Declaring one name both global and nonlocal in the same function makes the file fail to compile.
# source: rule: a name cannot be nonlocal and global in one scope
# rules: errors/nonlocal-and-global
# diverges: rustpython stdout, exception, scopes, cells: RustPython accepts a name declared both global and nonlocal in one function (either order) and treats it as nonlocal, so the file runs; CPython raises SyntaxError "name 'x' is nonlocal and global" (checked against CPython 3.14.2)
# diverges: pypy exception: PyPy reports SyntaxError "name 'x' is nonlocal and global" at the second declaration (line 15, nonlocal x); CPython 3.9 at the first (line 14, global x) (checked against CPython 3.9.18)

x = 'module'


def outer():
    x = 'outer'

    def inner():
        global x
        nonlocal x
        return x

    return inner()


print(outer())
