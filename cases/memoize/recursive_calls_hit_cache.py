# description: Recursive calls go through the memoized global name, so each Fibonacci number is computed only once.
# source: rule: the decorated name is rebound to the wrapper, and the body's recursive call looks that name up at call time
# rules: memoize/recursion-through-wrapper, memoize/dict-cache-cell

calls = {'fib': 0}


def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]

    return wrapper


def fib(n):
    calls['fib'] += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(15), calls['fib'])

calls['fib'] = 0
fib = memoize(fib)
print(fib(15), calls['fib'])
print(fib(30), calls['fib'])
print(fib(30), calls['fib'])
