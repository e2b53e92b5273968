# description: A method reaching a variable of the function around its class gets a cell passed through the class body, which lists it in co_freevars.
# source: rule: a method closes over the enclosing function's variable; the class body passes the cell through
# rules: class_scopes/method-closes-through-class, class_scopes/class-body-reads-free
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


def nested_code(function, name):
    for const in function.__code__.co_consts:
        if getattr(const, "co_name", None) == name:
            return const


def make_greeter(greeting):
    class Greeter:
        def greet(self, name):
            return greeting + ", " + name

    greeting = greeting.upper()
    return Greeter


G = make_greeter("hello")
print(G().greet("ada"))
print(make_greeter.__code__.co_cellvars)
print(G.greet.__code__.co_freevars)
class_code = nested_code(make_greeter, "Greeter")
print(class_code.co_freevars, class_code.co_cellvars)
