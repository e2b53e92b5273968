# description: outer_function(10) returns inner_function, which still sees x = 10 when called with 5.
# source: seed 004 "Understanding Closures in Python" — How Closures Work, outer_function/inner_function
# rules: factories/function-factory

def outer_function(x):
    def inner_function(y):
        return x + y

    return inner_function


closure = outer_function(10)
result = closure(5)
print(result)  # Output: 15
print(outer_function(10)(5) == 15)
print(closure.__code__.co_freevars, closure.__closure__[0].cell_contents)
