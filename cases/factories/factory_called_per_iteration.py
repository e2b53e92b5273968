# description: Calling a factory once per loop iteration gives every closure its own cell and its own value.
# source: rule: each execution of the enclosing function creates new cells
# rules: factories/function-factory

def make_adder(n):
    def add(x):
        return x + n

    return add


adders = []
for n in (1, 2, 3):
    adders.append(make_adder(n))

print(adders[0](10), adders[1](10), adders[2](10))
print(adders[0].__closure__[0] is adders[1].__closure__[0])
print(adders[0].__closure__[0].cell_contents, adders[2].__closure__[0].cell_contents)
