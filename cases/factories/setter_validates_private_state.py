# description: A setter closure guards the private value; a rejected update leaves the cell unchanged.
# source: seed 004 "Understanding Closures in Python" — Data Encapsulation: "maintaining data integrity and preventing unintended modifications"
# rules: factories/private-state

def make_temperature(celsius):
    def get():
        return celsius

    def set_value(value):
        nonlocal celsius
        if value < -273.15:
            raise ValueError("below absolute zero: %r" % value)
        celsius = value

    return get, set_value


get, set_value = make_temperature(20)
set_value(25)
print(get())
try:
    set_value(-300)
except ValueError as e:
    print(type(e).__name__, e)
print(get())
print(get.__closure__[0].cell_contents)
