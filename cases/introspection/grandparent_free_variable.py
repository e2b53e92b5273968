# description: A grandparent's variable used only by the innermost function is a free variable of the middle function too, and both closures hold the very same cell.
# source: rule: the compiler threads free variables through intermediate scopes
# rules: introspection/grandparent-passthrough, introspection/closure-tuple-of-cells
# requires: >=3.7 — cell_contents is writable from 3.7

def grandparent():
    x = 'from grandparent'

    def middle():
        def inner():
            return x

        return inner

    return middle


middle = grandparent()
inner = middle()
print(grandparent.__code__.co_cellvars, grandparent.__code__.co_freevars)
print(middle.__code__.co_cellvars, middle.__code__.co_freevars)
print(inner.__code__.co_cellvars, inner.__code__.co_freevars)
print(len(middle.__closure__), len(inner.__closure__))
print(middle.__closure__[0].cell_contents, inner.__closure__[0].cell_contents)
print(middle.__closure__[0] is inner.__closure__[0])
middle.__closure__[0].cell_contents = 'changed via middle'
print(inner())
