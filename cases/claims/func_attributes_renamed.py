# description: In Python 3 the func_X attributes are gone and their __X__ replacements exist.
# source: seed 002 (closure cells Q&A) — "The function attributes named func_X have been renamed to use the __X__ form"
# rules: claims/func-attributes-renamed

def f(a, b=2):
    """doc of f"""
    return a + b


old = ("func_closure", "func_code", "func_defaults", "func_dict", "func_doc", "func_globals", "func_name")
new = ("__closure__", "__code__", "__defaults__", "__dict__", "__doc__", "__globals__", "__name__")
for old_name, new_name in zip(old, new):
    print(old_name, hasattr(f, old_name), new_name, hasattr(f, new_name))

print(f.__closure__, f.__defaults__, f.__doc__, f.__name__, f.__dict__)
print(f.__globals__ is globals())
print(f.__code__.co_name)

# "freeing up these names ... for user-defined attributes"
f.func_name = "user value"
print(f.func_name, f.__name__, f.__dict__)
