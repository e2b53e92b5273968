# description: A function whose comprehension iterates over `label` passes the enclosing `label` through to a nested function: the iteration variable is the comprehension's own, so the nested function reads the parameter of the function around both.
# source: rule: a comprehension's iteration variable does not shadow the enclosing binding for other scopes
# rules: comprehensions/iteration-variable-does-not-shadow, comprehensions/iteration-variable-does-not-leak
# diverges: rustpython scopes: RustPython makes label a cell of outer and a free variable of middle, through which inner reads it; CPython 3.14 makes it a cell of middle and nothing of outer, the symbol-table side of gh-121377, which no CPython both inlines comprehensions and gets right (checked against CPython 3.14.2)
# diverges: rustpython-0.6.0: RustPython 0.6.0 rejects the program: SyntaxError "get_ref_type: invalid scope for 'label'" (line 11); CPython 3.14 compiles it (and raises NameError, gh-121377) (checked against CPython 3.14.2)
# reference-bug: gh-121377 3.12-3.15 stdout,exception: CPython 3.12+ raises NameError "cannot access free variable 'label'" in inner(), as the inlined comprehension's iteration variable takes the place of the free variable middle() passes through; CPython 3.6-3.11 print (['a', 'b'], 'x') as the scoping rules say (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open, fix in review as gh-124696)


def outer(label):
    def middle():
        tags = [label for label in "ab"]

        def inner():
            return label

        return tags, inner()

    return middle()


print(outer("x"))
