# description: Assigning to __closure__ raises AttributeError, whether the function has a closure or not.
# source: seed 002 (closure cells Q&A) — "Also, it is NOT writable."
# rules: claims/closure-not-writable
# diverges: pypy stdout: PyPy's AttributeError for assigning __closure__ reads "readonly attribute '__closure__'"; CPython 3.9 "readonly attribute" (checked against CPython 3.9.18)

def make():
    value = 1

    def nested():
        return value

    return nested


def plain():
    return 0


nested = make()
for function, replacement in ((nested, None), (plain, ()), (nested, nested.__closure__)):
    try:
        function.__closure__ = replacement
    except AttributeError as e:
        print(type(e).__name__, e)
print(nested())
print(plain.__closure__)
