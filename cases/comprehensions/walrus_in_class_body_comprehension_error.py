# description: An assignment expression inside a comprehension in a class body is a SyntaxError.
# source: rule: := in a comprehension binds in the nearest enclosing function scope; a class body cannot be that scope
# rules: comprehensions/walrus-binds-enclosing
# requires: >=3.8 — assignment expressions (:=, PEP 572) are new in 3.8

source = """
class Holder:
    values = [last := v for v in range(3)]
"""
try:
    compile(source, "<class>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
