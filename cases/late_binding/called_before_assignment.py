# description: Calling an inner function before the enclosing variable is assigned raises NameError (the cell is still empty).
# source: rule: a cell is empty until the enclosing function assigns the variable
# rules: late_binding/unbound-free-variable, late_binding/assigned-after-definition

def outer():
    def check():
        return ready

    try:
        check()
    except NameError as e:
        print(type(e).__name__, e)
    ready = True
    print(check())
    return check


check = outer()
