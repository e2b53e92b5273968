# description: __closure__ cannot be assigned or deleted: both raise AttributeError "readonly attribute".
# source: seed 002 closure cells Q&A — "Also, it is NOT writable."
# rules: introspection/closure-readonly
# diverges: pypy stdout: PyPy's AttributeError for assigning or deleting __closure__ reads "readonly attribute '__closure__'" and "can't delete f.__closure__"; CPython 3.9 "readonly attribute" for both (checked against CPython 3.9.18)

def outer():
    x = 1

    def inner():
        return x

    return inner


inner = outer()


def plain():
    return 0


for function in (inner, plain):
    try:
        function.__closure__ = None
    except AttributeError as e:
        print(function.__name__, 'assign', type(e).__name__, e)
    try:
        del function.__closure__
    except AttributeError as e:
        print(function.__name__, 'del', type(e).__name__, e)
print(inner())
print(plain.__closure__)
