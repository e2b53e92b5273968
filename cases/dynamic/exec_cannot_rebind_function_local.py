# description: exec inside a function cannot rebind the function's local, and a name exec creates is not visible as a bare name afterwards.
# source: rule: exec in a function works on a dict of its locals; the function's own variables are not changed by it
# rules: dynamic/exec-cannot-rebind-locals


def f():
    x = 1
    exec("x = 2")
    exec("created = 5")
    try:
        created
    except NameError as e:
        print(type(e).__name__, e)
    return x


print(f())
