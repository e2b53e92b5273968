# description: nonlocal in source passed to exec inside a function is a SyntaxError, since exec'd code is compiled as module-level code.
# source: rule: exec'd source is compiled on its own as a module; nonlocal there has no enclosing function
# rules: dynamic/nonlocal-in-exec
# diverges: rustpython stdout: RustPython words module-level nonlocal as "cannot define nonlocal 'x' at top level."; CPython "nonlocal declaration not allowed at module level" (checked against CPython 3.14.2)


def outer():
    x = 1
    try:
        exec("nonlocal x\nx = 2")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
    try:
        exec("def f():\n    nonlocal y\n")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
    return x


print(outer())
