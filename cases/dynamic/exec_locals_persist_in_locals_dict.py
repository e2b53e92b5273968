# description: A name created by exec inside a function shows up in a later locals() up to 3.12 but not from 3.13, where locals() is a fresh snapshot.
# source: rule: exec in a function works on a dict of its locals; the function's own variables are not changed by it
# rules: dynamic/exec-cannot-rebind-locals, dynamic/locals-snapshot
# python: <3.13 — before PEP 667 exec writes into the frame's cached locals dict, which the next locals() returns with the extra key


def f():
    x = 1
    exec("made_by_exec = 2")
    return sorted(locals())


print(f())
