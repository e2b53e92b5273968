# description: A service function closes over an injected repository and logger; the closure uses them when called.
# source: seed 001 "Closure" — Common Uses: "Dependency Injection: Binding data implicitly to avoid polluting global state"
# rules: factories/dependency-injection
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

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
