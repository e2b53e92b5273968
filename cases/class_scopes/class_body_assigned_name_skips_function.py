# description: A name the class body assigns is looked up in the class namespace and then globals, skipping the enclosing function, even before the assignment.
# source: rule: a name bound in a class body is local to it; reads of it before binding fall back to globals, not to enclosing functions
# rules: class_scopes/class-body-assigned-name
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

level = "global"


def build():
    level = "function"

    class Inner:
        seen = level
        level = "class"

    return Inner, level


Inner, outer_level = build()
print(Inner.seen)
print(Inner.level)
print(outer_level)
print(build.__code__.co_cellvars)
