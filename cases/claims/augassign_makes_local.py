# description: count += 1 is an assignment, so it makes count local to the whole function body and shadows the enclosing count.
# source: seed 003 (running averager notebook) — "we are actually assigning to count in the body of averager and that makes a local variable"
# rules: claims/assignment-makes-local
# diverges: rustpython stdout: RustPython words UnboundLocalError with the pre-3.11 "local variable 'count' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'count' where it is not associated with a value" (checked against CPython 3.14.2)

def make():
    count = 0

    def reads_only():
        return count + 1

    def assigns():
        count += 1
        return count

    return reads_only, assigns


reads_only, assigns = make()
print(reads_only(), reads_only.__code__.co_freevars, reads_only.__code__.co_varnames)
print(assigns.__code__.co_freevars, assigns.__code__.co_varnames)
try:
    assigns()
except UnboundLocalError as e:
    print(type(e).__name__, e)
