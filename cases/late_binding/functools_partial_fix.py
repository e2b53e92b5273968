# description: functools.partial stores each loop value when it is made, so every callable keeps its own value.
# source: rule: partial objects hold their arguments, not a reference to the variable
# rules: late_binding/partial-binds-value

import functools


def power(base, exp):
    return base ** exp


def make():
    funcs = []
    for e in range(4):
        funcs.append(functools.partial(power, exp=e))
    return funcs


funcs = make()
print(list(f(2) for f in funcs))
print(list(f.keywords for f in funcs))
print(funcs[0].func is power)
