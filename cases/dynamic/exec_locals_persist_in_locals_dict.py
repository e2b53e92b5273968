# description: A name created by exec inside a function shows up in a later locals() up to 3.12 but not from 3.13, where locals() is a fresh snapshot.
# source: rule: exec in a function works on a dict of its locals; the function's own variables are not changed by it
# rules: dynamic/exec-cannot-rebind-locals, dynamic/locals-snapshot
# diverges: rustpython stdout: RustPython's locals() in a function returns the frame's one cached dict, as before 3.13; CPython 3.13+ returns a new snapshot each call (PEP 667), so a name exec() wrote shows up in the next locals() (checked against CPython 3.14.2)


def f():
    x = 1
    exec("made_by_exec = 2")
    return sorted(locals())


print(f())
