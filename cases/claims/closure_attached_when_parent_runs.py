# description: The closure is attached when the parent runs and creates the nested function; each run attaches new cells.
# source: seed 002 (closure cells Q&A) — "when you actually create the nested function (which happens when the parent function is executed), those references are then used to attach a closure"
# rules: claims/closure-attached-at-creation

def parent(value):
    def child():
        return value

    return child


first = parent("one")
second = parent("two")
print(first.__code__ is second.__code__)
print(first.__closure__ is second.__closure__)
print(first.__closure__[0] is second.__closure__[0])
print(first(), second())
