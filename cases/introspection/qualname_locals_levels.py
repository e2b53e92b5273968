# description: __qualname__ of nested functions has one "<locals>" per enclosing function, at two and three levels; __name__ stays the bare name.
# source: rule: PEP 3155 qualified names
# rules: introspection/qualname-locals

def first():
    def second():
        def third():
            return 3

        return third

    return second


second = first()
third = second()
print(first.__qualname__)
print(second.__qualname__)
print(third.__qualname__)
print(third.__name__)
print(third.__code__.co_name)
