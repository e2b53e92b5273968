# description: Writing cell_contents from outside while the enclosing function is still running changes the enclosing function's own variable.
# source: rule: the enclosing function and its closures read the same cell
# rules: introspection/cell-contents-write
# requires: >=3.7 — cell_contents is writable from 3.7

def outer(poke):
    value = 'original'

    def inner():
        return value

    poke(inner)
    return value, inner()


def poke(function):
    function.__closure__[0].cell_contents = 'changed from outside'


print(outer(poke))
