# description: Reading a local before its assignment raises UnboundLocalError with the 3.11+ wording.
# source: rule: a name bound anywhere in a function body is local to the whole body
# rules: errors/unbound-local-message
# diverges: rustpython stdout: RustPython words UnboundLocalError with the pre-3.11 "local variable 'x' referenced before assignment" although it reports 3.14; CPython 3.11-3.14 "cannot access local variable 'x' where it is not associated with a value"; its free-variable NameError already uses the 3.11+ wording (checked against CPython 3.14.2)

def read_too_early():
    print(x)
    x = 1


try:
    read_too_early()
except UnboundLocalError as e:
    print(type(e).__name__)
    print(e)
print(issubclass(UnboundLocalError, NameError))
print(read_too_early.__code__.co_varnames)
