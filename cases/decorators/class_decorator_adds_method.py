# description: A class decorator with an argument adds a method, which is a closure over the decorator's argument.
# source: rule: a class decorator may modify the class it receives before returning it
# rules: decorators/class-decorator, decorators/decorator-factory
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

def with_greeting(word):
    def decorate(cls):
        def greet(self):
            return '%s, %s' % (word, self.name)

        cls.greet = greet
        return cls
    return decorate


@with_greeting('Howdy')
class Person:
    def __init__(self, name):
        self.name = name


p = Person('Lin')
print(p.greet())
print(Person.greet.__qualname__)
print(Person.greet.__code__.co_freevars)
print(Person.greet.__closure__[0].cell_contents)
