# description: A returned inner function carries the values of its enclosing scope; two escapes from two calls carry different ones.
# source: seed 001 "Closure" — "when inner() was 'brought out,' it carried its execution context along"
# rules: claims/carries-context

def outer(message):
    def inner():
        return message

    return inner


alive = outer("I’m still alive.")
other = outer("me too")
print(alive())
print(other())
print(alive.__closure__[0].cell_contents)
