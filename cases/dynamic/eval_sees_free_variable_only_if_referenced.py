# description: eval('x') inside a nested function finds the enclosing x only if the function itself references x, making it a free variable.
# source: rule: eval and exec see a function's locals, including its free variables; an enclosing variable the function does not reference is not captured
# rules: dynamic/eval-sees-only-captured


def outer():
    x = "enclosing x"

    def references():
        x
        return eval("x")

    def does_not_reference():
        return eval("x")

    return references, does_not_reference


references, does_not_reference = outer()
print(references())
try:
    does_not_reference()
except NameError as e:
    print(type(e).__name__, e)
print(references.__code__.co_freevars)
print(does_not_reference.__code__.co_freevars)
