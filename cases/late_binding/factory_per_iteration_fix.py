# description: Calling a factory function once per iteration gives every closure its own cell holding that iteration's value.
# source: rule: each call of the enclosing function creates fresh cells
# rules: late_binding/factory-new-cell

def make_adder(n):
    def add(x):
        return x + n
    return add


def make():
    adders = []
    for n in range(3):
        adders.append(make_adder(n))
    return adders


adders = make()
print(list(a(10) for a in adders))
print(list(a.__closure__[0].cell_contents for a in adders))
print(adders[0].__closure__[0] is adders[1].__closure__[0])
