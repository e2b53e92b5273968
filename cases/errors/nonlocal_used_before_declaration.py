# description: Reading a name before its nonlocal declaration in the same function makes the file fail to compile.
# source: rule: a nonlocal declaration must precede every use of the name in that scope
# rules: errors/nonlocal-used-before

def outer():
    total = 10

    def inner():
        print(total)
        nonlocal total
        total += 1

    inner()


outer()
