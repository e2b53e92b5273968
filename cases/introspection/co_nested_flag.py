# description: co_flags has the CO_NESTED bit (0x10) for functions defined inside another function, closure or not, and not for module-level functions.
# source: rule: the compiler flags code of nested function scopes as nested
# rules: introspection/co-nested-flag
import inspect


def top():
    def nested_plain():
        return 1

    def nested_closure():
        return nested_plain

    return nested_plain, nested_closure, lambda: 0


def nested_bit(function):
    return bool(function.__code__.co_flags & inspect.CO_NESTED)


print(inspect.CO_NESTED)
print(nested_bit(top))
for function in top():
    print(function.__name__, nested_bit(function))
print(nested_bit(lambda: 0))
