# description: A decorator on a method wraps the plain function; self is passed through as the first argument.
# source: rule: the wrapper is stored in the class and binds like any function, so self arrives in *args
# rules: decorators/method-self-passthrough, decorators/wrapper-closes-over-func
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

def trace(func):
    def wrapper(*args, **kwargs):
        print('calling %s with %d positional args' % (func.__name__, len(args)))
        return func(*args, **kwargs)
    return wrapper


class Account:
    def __init__(self, balance):
        self.balance = balance

    @trace
    def deposit(self, amount):
        self.balance += amount
        return self.balance


acct = Account(10)
print(acct.deposit(5))
print(Account.deposit(acct, 1))
print(acct.deposit.__self__ is acct)
print(acct.deposit.__func__ is Account.__dict__['deposit'])
print(Account.deposit.__name__)
