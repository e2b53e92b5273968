# description: A lambda made by eval inside a closure does not close over the caller's variables, even ones eval itself can read.
# source: rule: eval and exec see a function's locals as a dict; code compiled by them cannot capture the caller's variables as cells
# rules: dynamic/eval-sees-only-captured, dynamic/compiled-closure


def outer():
    x = "enclosing x"

    def inner():
        x
        print(eval("x"))
        made = eval("lambda: x")
        try:
            made()
        except NameError as e:
            print(type(e).__name__, e)
        return made

    return inner


made = outer()()
print(made.__code__.co_freevars, made.__closure__)
