# description: Calling a closure before the enclosing function assigns the captured variable raises NameError about a free variable.
# source: rule: an unbound cell variable read through a closure raises NameError
# rules: errors/free-var-empty-cell

def outer():
    def peek():
        return later

    try:
        peek()
    except NameError as e:
        print(type(e).__name__)
        print(e)
        print(isinstance(e, UnboundLocalError))
    later = 'now bound'
    print(peek())
    return peek


peek = outer()
print(peek.__code__.co_freevars)
