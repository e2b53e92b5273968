# description: Compiling source that defines a nested function and running it with exec produces a real closure with cells.
# source: rule: code compiled at run time follows the same scoping rules: a nested def in compiled source makes a closure
# rules: dynamic/compiled-closure

source = """
def make_counter(start):
    count = start
    def step():
        nonlocal count
        count += 1
        return count
    return step
"""
namespace = {}
exec(compile(source, "<generated>", "exec"), namespace)
counter = namespace["make_counter"](5)
print(counter(), counter())
print(counter.__code__.co_freevars)
print(counter.__closure__[0].cell_contents)
print(namespace["make_counter"].__code__.co_cellvars)
