# description: nonlocal inside a class body nested in a function rebinds the function's variable and does not create a class attribute.
# source: rule: a class body may declare nonlocal and rebind a variable of the enclosing function
# rules: class_scopes/class-body-nonlocal
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


def register():
    count = 0

    class Plugin:
        nonlocal count
        count += 1
        snapshot = count

    return count, Plugin


count, Plugin = register()
print(count)
print(Plugin.snapshot)
print(hasattr(Plugin, "count"))
print(register.__code__.co_cellvars)
