# description: Functions defined with def inside a loop also all see the loop variable's last value.
# source: rule: a def statement inside a loop creates a closure over the loop variable, looked up at call time
# rules: late_binding/lookup-at-call-time, late_binding/cell-shared-by-loop

def make_greeters():
    greeters = []
    for name in ['ann', 'bob', 'cy']:
        def greet():
            return 'hello ' + name
        greeters.append(greet)
    return greeters


greeters = make_greeters()
for g in greeters:
    print(g.__name__, g())
print(greeters[0] is greeters[2])
print(greeters[0].__closure__[0] is greeters[2].__closure__[0])
