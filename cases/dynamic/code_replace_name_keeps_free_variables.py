# description: code.replace(co_name=...) gives a code object with the same free variables, usable with the original closure.
# source: rule: code.replace() copies a code object with some fields changed; a function built from it needs matching cells
# rules: dynamic/code-replace, dynamic/function-type-closure
# requires: >=3.8 — code.replace() is new in 3.8
# diverges: rustpython stdout, exception, cells: RustPython's types.FunctionType rejects name=None with TypeError "arg 3 (name) must be None or string"; CPython accepts None and uses code.co_name (checked against CPython 3.14.2)
import types


def make_multiplier(factor):
    def multiply(n):
        return n * factor

    return multiply


triple = make_multiplier(3)
renamed = triple.__code__.replace(co_name="times_three")
print(renamed.co_name, renamed.co_freevars)
print(renamed.co_freevars == triple.__code__.co_freevars)
g = types.FunctionType(renamed, globals(), None, None, triple.__closure__)
print(g.__name__, g(5))
print(g.__closure__[0] is triple.__closure__[0])
