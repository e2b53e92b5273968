# description: A nonlocal statement at module level makes the whole file fail to compile.
# source: rule: nonlocal is only allowed inside a function or class nested in a function
# rules: errors/nonlocal-module-level
# diverges: rustpython exception: RustPython words module-level nonlocal as "cannot define nonlocal 'x' at top level."; CPython "nonlocal declaration not allowed at module level" (checked against CPython 3.14.2)

nonlocal counter
counter = 1
print(counter)
