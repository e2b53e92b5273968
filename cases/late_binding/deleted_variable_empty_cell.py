# description: Deleting the enclosing variable after the closure was made empties the cell; calling the closure raises NameError.
# source: rule: del on a cell variable empties the cell shared with the inner function
# rules: late_binding/deleted-free-variable

def outer():
    token = 'abc'

    def use():
        return token

    print(use())
    del token
    try:
        use()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        use.__closure__[0].cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    return use


use = outer()
