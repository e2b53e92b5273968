# description: A cell follows its variable: bar prints ham, then eggs, and still eggs after foo has returned.
# source: seed 002 (closure cells Q&A) — foo/bar/spam: "cells ... follow the values those local variables point to"
# rules: claims/cells-follow-value
# note: The seed shows this as an interactive session (>>> b=foo()); here it is a script with the same output.

def foo():
    def bar():
        print(spam)

    spam = 'ham'
    bar()
    spam = 'eggs'
    bar()
    return bar


b = foo()
b()
print(b.__closure__[0].cell_contents)
