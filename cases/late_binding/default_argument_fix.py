# description: Binding the loop value as a default argument (lambda i=i: i) captures each value; the lambdas need no closure.
# source: rule: default values are evaluated once, when the function is created
# rules: late_binding/default-argument-capture

def make():
    funcs = []
    for i in range(3):
        funcs.append(lambda i=i: i)
    return funcs


funcs = make()
print(list(f() for f in funcs))
print(list(f.__defaults__ for f in funcs))
print(funcs[0].__closure__)
print(funcs[0].__code__.co_freevars, funcs[0].__code__.co_varnames)
print(funcs[0](42))
