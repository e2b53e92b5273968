# description: Lambdas appended in a for loop all return the loop variable's last value.
# source: seed 002 (closure cells Q&A) — foo() appending lambda: spam for 'ham', 'eggs', 'salad'
# rules: late_binding/lookup-at-call-time, late_binding/cell-shared-by-loop
# note: Ported from Python 2: `print bar()` → `print(bar())`.

def foo():
    bar = []
    for spam in ('ham', 'eggs', 'salad'):
        bar.append(lambda: spam)
    return bar


for bar in foo():
    print(bar())
