# description: foo has cell variable a and no closure; the g it returns has free variable a with a one-cell closure holding 1.
# source: seed 002 (closure cells Q&A) — foo(n)/g(n) session: foo.__code__.co_cellvars ('a',), foo(0).__code__.co_freevars ('a',)
# rules: claims/outer-cellvars-inner-freevars, introspection/seed-inspection, introspection/closure-none, introspection/cellvars-order
# note: The seed shows a Python 3.4 interactive session; here each expression is printed.

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
