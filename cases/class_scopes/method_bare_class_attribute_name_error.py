# description: A method naming a class attribute bare, with no global of that name, raises NameError when called.
# source: rule: a class body is not an enclosing scope for the functions defined in it
# rules: class_scopes/class-body-not-enclosing
# diverges: rustpython scopes: RustPython gives a class body a __classdict__ cell whenever it contains a def or a lambda with parameters (co_cellvars gains '__classdict__'); CPython 3.11–3.13 only when an annotation scope needs it


class Config:
    retries = 3

    def get_retries(self):
        return retries


print(Config.retries)
try:
    Config().get_retries()
except NameError as e:
    print(type(e).__name__, e)
