# description: Lambdas made in a module-level loop have no closure; they read the global loop variable when called.
# source: rule: at module level the loop variable is a global, so late binding goes through the globals dict
# rules: late_binding/module-level-global-lookup, late_binding/lookup-at-call-time

funcs = []
for i in range(3):
    funcs.append(lambda: i * 10)

print(list(f() for f in funcs))
print(funcs[0].__closure__)
print(funcs[0].__code__.co_freevars)
print(funcs[0].__code__.co_names)

i = 7
print(list(f() for f in funcs))
