# description: Lambdas made in a loop read the loop variable when called, so all three print salad.
# source: seed 002 (closure cells Q&A) — "the closure is dereferenced when bar() is called; the closure doesn't capture the value"
# rules: claims/dereferenced-at-call
# note: Ported from Python 2: `print bar()` → `print(bar())`.

def foo():
    bar = []
    for spam in ('ham', 'eggs', 'salad'):
        bar.append(lambda: spam)
    return bar


for bar in foo():
    print(bar())

lambdas = foo()
print(lambdas[0].__closure__[0] is lambdas[2].__closure__[0])
print(lambdas[0].__code__.co_freevars)
