# description: exec in a function cannot rebind a cell variable either: the closure that shares the cell still sees the old value.
# source: rule: exec in a function works on a dict of its locals; the function's own variables are not changed by it
# rules: dynamic/exec-cannot-rebind-locals


def outer():
    shared = "original"

    def reader():
        return shared

    exec("shared = 'from exec'")
    return reader, shared


reader, value = outer()
print(value)
print(reader())
print(reader.__closure__[0].cell_contents)
