# description: Assigning __code__ with a different number of free variables raises ValueError; the same count is accepted and reads the existing cell.
# source: rule: a function's __code__ may only be replaced by a code object with as many free variables as its closure has cells
# rules: dynamic/swap-code-freevars
# diverges: rustpython stdout: RustPython accepts assigning a __code__ with a different number of free variables; CPython raises ValueError "getter() requires a code object with 1 free vars, not 0" (checked against CPython 3.14.2)


def make_pair():
    value = "cell value"

    def getter():
        return value

    def shouter():
        return value.upper()

    return getter, shouter


def plain():
    return "plain"


getter, shouter = make_pair()
try:
    getter.__code__ = plain.__code__
except ValueError as e:
    print(type(e).__name__, e)
try:
    plain.__code__ = getter.__code__
except ValueError as e:
    print(type(e).__name__, e)
getter.__code__ = shouter.__code__
print(getter())
print(plain())
