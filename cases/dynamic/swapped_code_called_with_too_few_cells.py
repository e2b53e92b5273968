# description: A function whose __code__ cannot be swapped for code needing more free variables; calling it must never crash.
# source: rule: a function's __code__ must have as many free variables as its closure has cells
# rules: dynamic/swap-code-freevars
# diverges: rustpython stdout, scopes, cells, fault: RustPython accepts a __code__ needing 1 free variable on a function with no closure (CPython: ValueError "plain() requires a code object with 0 free vars, not 1") and calling it panics the interpreter ("cell slot empty", frame.rs:1390) (checked against CPython 3.14.2)

def make_getter():
    secret = "hidden"

    def getter():
        return secret

    return getter


def plain():
    return "plain"


getter = make_getter()
try:
    plain.__code__ = getter.__code__
except ValueError as error:
    print("ValueError", error)

# CPython refused the swap above, so this still runs plain's own code.
print(plain())
