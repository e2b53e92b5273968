# description: Calling an inner function before the enclosing variable is assigned raises NameError (the cell is still empty).
# source: rule: a cell is empty until the enclosing function assigns the variable
# rules: late_binding/unbound-free-variable, late_binding/assigned-after-definition
# python: >=3.11 — before 3.11 the message reads "free variable 'ready' referenced before assignment in enclosing scope"

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
