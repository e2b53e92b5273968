# description: An error in a generator expression's outermost iterable is raised when it is created; an error in an inner iterable only when it runs.
# source: rule: the outermost iterable of a generator expression is evaluated when it is created; everything else lazily
# rules: comprehensions/genexp-first-iterable-eager

try:
    gen = (x for x in 42)
    print("created")
except TypeError as e:
    print("at creation:", type(e).__name__, e)

gen = (x + y for x in [1] for y in 42)
print("created second")
try:
    next(gen)
except TypeError as e:
    print("at next:", type(e).__name__, e)
