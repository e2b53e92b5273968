# description: Lambdas collected in a set comprehension are distinct objects that all return the last value.
# source: rule: closures made inside a set comprehension close over its single iteration variable
# rules: late_binding/comprehension-closures, late_binding/lookup-at-call-time

def make():
    return {(lambda: k + 100) for k in range(4)}


funcs = make()
print(len(funcs))
print(sorted(f() for f in funcs))
