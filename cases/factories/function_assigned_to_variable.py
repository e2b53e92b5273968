# description: A function assigned to another name is the same object and can be called through it.
# source: seed 001 "Closure" — greet / say_hello example
# rules: factories/first-class-function

def greet(name):
    return f"Hello, {name}"


say_hello = greet
print(say_hello("Alice"))
# => Hello, Alice
print(say_hello is greet)
print(say_hello.__name__)
print(greet.__closure__)
