# description: A service function closes over an injected repository and logger; the closure uses them when called.
# source: seed 001 "Closure" — Common Uses: "Dependency Injection: Binding data implicitly to avoid polluting global state"
# rules: factories/dependency-injection
# python: >=3.11 — from 3.11 parameters that are cell variables come first in co_cellvars, in parameter order; before 3.11 co_cellvars was sorted
# diverges: rustpython scopes: RustPython gives a class body a __classdict__ cell whenever it contains a def or a lambda with parameters (co_cellvars gains '__classdict__'); CPython 3.11–3.13 only when an annotation scope needs it

class MemoryRepository:
    def __init__(self, users):
        self.users = dict(users)

    def find(self, user_id):
        return self.users.get(user_id)

    def __repr__(self):
        return "MemoryRepository(%d users)" % len(self.users)


class ListLogger:
    def __init__(self):
        self.lines = []

    def log(self, line):
        self.lines.append(line)

    def __repr__(self):
        return "ListLogger(%d lines)" % len(self.lines)


def make_user_service(repository, logger):
    def greet_user(user_id):
        user = repository.find(user_id)
        logger.log("lookup %s -> %s" % (user_id, user))
        if user is None:
            return "unknown user"
        return "Hello, " + user

    return greet_user


logger = ListLogger()
greet_user = make_user_service(MemoryRepository({1: "Alice", 2: "Bob"}), logger)
print(greet_user(1))
print(greet_user(3))
print(logger.lines)
print(greet_user.__code__.co_freevars)
print(greet_user.__closure__[0].cell_contents is logger)
