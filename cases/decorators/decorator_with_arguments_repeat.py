# description: A decorator with arguments takes three levels: repeat(n) returns the decorator, which returns the wrapper.
# source: rule: @expr evaluates expr first, then calls its result with the function
# rules: decorators/decorator-factory, decorators/wrapper-closes-over-func

def repeat(n):
    def decorator(func):
        def wrapper(*args):
            results = []
            for _ in range(n):
                results.append(func(*args))
            return results
        return wrapper
    return decorator


@repeat(3)
def ping(tag):
    print('ping', tag)
    return tag


print(ping('x'))


@repeat(0)
def never():
    print('not printed')


print(never())
