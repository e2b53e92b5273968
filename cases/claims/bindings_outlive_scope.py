# description: A closure keeps the bindings of its free variables after the defining function has returned and is gone.
# source: seed 000 "Understand Python closure" / seed 003 — "Closure is a function that retains the bindings of the variables ... when the defining scope is no longer available"
# rules: claims/retains-bindings

def make_greeting(greeting):
    punctuation = "!"

    def greet(name):
        return greeting + ", " + name + punctuation

    return greet


hello = make_greeting("Hello")
del make_greeting
print("make_greeting" in globals())
print(hello("world"))
print(hello.__code__.co_freevars)
print(hello.__closure__[0].cell_contents, hello.__closure__[1].cell_contents)
