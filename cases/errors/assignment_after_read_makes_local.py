# description: Assigning to an enclosing variable without nonlocal makes it local, hiding the enclosing value even for a read earlier in the body.
# source: rule: any binding in a function body makes the name local unless declared nonlocal/global
# rules: errors/assignment-makes-local, errors/unbound-local-message
# diverges: rustpython stdout: RustPython words UnboundLocalError with the pre-3.11 "local variable 'x' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'x' where it is not associated with a value" (checked against CPython 3.14.2)

def outer():
    message = 'outer'

    def reads_only():
        return message

    def reads_then_assigns():
        seen = message
        message = 'inner'
        return seen, message

    print(reads_only())
    print(reads_only.__code__.co_freevars, reads_only.__code__.co_varnames)
    print(reads_then_assigns.__code__.co_freevars, reads_then_assigns.__code__.co_varnames)
    try:
        reads_then_assigns()
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    print(message)


outer()
