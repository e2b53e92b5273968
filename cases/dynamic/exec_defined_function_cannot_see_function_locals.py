# description: A function defined by exec inside another function does not close over that function's locals; its free names resolve as globals.
# source: rule: code compiled at run time follows the same scoping rules: a nested def in compiled source makes a closure
# rules: dynamic/compiled-closure, dynamic/exec-cannot-rebind-locals

secret = "global secret"


def outer():
    secret = "local secret"
    scope = {}
    exec("def peek():\n    return secret\n", globals(), scope)
    return scope["peek"], secret


peek, local_value = outer()
print(local_value)
print(peek())
print(peek.__code__.co_freevars, peek.__closure__)
