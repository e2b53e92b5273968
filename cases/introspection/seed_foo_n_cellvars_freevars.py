# description: The outer function notes captured variables in co_cellvars and has no closure itself; the returned inner function notes them in co_freevars.
# source: seed 002 closure cells Q&A — Python 3.4 session with def foo(n): a = 1; def g(n)
# rules: introspection/seed-inspection, introspection/closure-none, introspection/cellvars-order
# note: The seed's interactive session is turned into prints; the cell repr with addresses is replaced by its contents.

def foo(n):
    a = 1

    def g(n):
        return a - n

    return g


print(foo.__closure__)
print(foo.__code__.co_freevars)
print(foo.__code__.co_cellvars)
print(len(foo(0).__closure__))
print(foo(0).__closure__[0].cell_contents)
print(foo(0).__code__.co_freevars)
print(foo(0).__code__.co_cellvars)
print(foo(0)(5))
