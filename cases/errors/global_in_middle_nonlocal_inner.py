# description: A name declared global in the middle function hides the outer function's variable, so nonlocal in the innermost function finds no binding and the file fails to compile.
# source: rule: a global declaration is not a binding of the enclosing function scope
# rules: errors/global-blocks-nonlocal, errors/nonlocal-no-binding
# diverges: rustpython exception: RustPython reports the line of a "no binding for nonlocal" SyntaxError as 0; CPython 3.6-3.14 the line of the nonlocal statement (checked against CPython 3.14.2)

x = 'global'


def outer():
    x = 'outer'

    def middle():
        global x

        def inner():
            nonlocal x
            x = 'inner'

        inner()

    middle()
    return x


print(outer())
