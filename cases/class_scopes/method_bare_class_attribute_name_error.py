# description: A method naming a class attribute bare, with no global of that name, raises NameError when called.
# source: rule: a class body is not an enclosing scope for the functions defined in it
# rules: class_scopes/class-body-not-enclosing
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


class Config:
    retries = 3

    def get_retries(self):
        return retries


print(Config.retries)
try:
    Config().get_retries()
except NameError as e:
    print(type(e).__name__, e)
