# description: Assigning cell_contents rebinds the captured variable: the closure and a sibling closure see the new value.
# source: rule: cell_contents is writable since 3.7
# rules: introspection/cell-contents-write, introspection/siblings-share-cell
# requires: >=3.7 — cell_contents is writable from 3.7

def make():
    greeting = 'hello'

    def say():
        return greeting

    def current():
        return greeting

    return say, current


say, current = make()
print(say())
say.__closure__[0].cell_contents = 'goodbye'
print(say())
print(current())
say.__closure__[0].cell_contents = [1, 2]
print(say(), type(current()).__name__)
