# description: Rebinding the enclosing variable after the closure was made is visible to the closure.
# source: rule: a cell follows the variable; the closure does not copy the value
# rules: late_binding/rebinding-visible, late_binding/lookup-at-call-time

def outer():
    message = 'first'

    def show():
        return message

    before = show()
    message = 'second'
    after = show()
    return show, before, after


show, before, after = outer()
print(before)
print(after)
print(show())
print(show.__closure__[0].cell_contents)
