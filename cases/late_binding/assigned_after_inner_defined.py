# description: An inner function may refer to a variable that is only assigned after the function is defined.
# source: rule: the free variable only needs a value when the inner function is called
# rules: late_binding/assigned-after-definition, late_binding/lookup-at-call-time

def outer():
    def describe():
        return 'limit is %d' % limit

    limit = 5
    print(describe())
    limit = limit * 2
    return describe


describe = outer()
print(describe())
print(describe.__code__.co_freevars)
print(outer.__code__.co_cellvars)
