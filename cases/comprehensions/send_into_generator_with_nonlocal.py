# description: Values sent into a generator that updates enclosing variables with nonlocal are visible to a sibling closure.
# source: rule: a generator function closes over enclosing variables like any function; its generators share the cells
# rules: comprehensions/generator-closes-over-state, comprehensions/generator-send-nonlocal


def make_averager():
    total = 0
    count = 0

    def consumer():
        nonlocal total, count
        average = None
        while True:
            value = yield average
            total += value
            count += 1
            average = total / count

    def report():
        return total, count

    return consumer(), report


gen, report = make_averager()
print(next(gen))
print(gen.send(10))
print(gen.send(11))
print(gen.send(12))
print(report())
print(gen.gi_code.co_freevars)
print(report.__code__.co_freevars)
