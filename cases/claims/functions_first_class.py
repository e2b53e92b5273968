# description: Functions are objects: they can be assigned to a name, passed as an argument and returned from another function.
# source: seed 001 "Closure" — "Assign a function to a variable / Pass it as an argument / Return it from another function"
# rules: claims/first-class-functions

def greet(name):
    return f"Hello, {name}"


def call_twice(function, argument):
    return function(argument) + " / " + function(argument)


def pick(loud):
    def shout(name):
        return greet(name).upper()

    return shout if loud else greet


say_hello = greet
print(say_hello("Alice"))
print(call_twice(greet, "Bob"))
print(pick(True)("Carol"))
print(pick(False) is greet)
print(type(greet).__name__)
print(isinstance(greet, object))
