# description: Two comprehensions in one function: the first iterates over `size`, the second reads `size` of the enclosing function; the first's iteration variable is its own, so the second reads the enclosing cell.
# source: rule: a comprehension's iteration variable does not shadow the enclosing binding for other scopes
# rules: comprehensions/iteration-variable-does-not-shadow, comprehensions/comprehension-reads-free
# diverges: rustpython scopes: RustPython makes size a cell of outer and a free variable of count; CPython 3.14 makes it a plain local of outer and count, the symbol-table side of gh-156664, which no CPython both inlines comprehensions and gets right (checked against CPython 3.14.2)
# diverges: rustpython-0.6.0 exception: RustPython 0.6.0 raises the same UnboundLocalError as CPython 3.14 (it copies gh-156664) with the pre-3.11 wording "local variable 'size' referenced before assignment"; CPython 3.14 "cannot access local variable 'size' where it is not associated with a value" (checked against CPython 3.14.2)
# reference-bug: gh-156664 3.12-3.15 stdout,exception: CPython 3.12+ raises UnboundLocalError "cannot access local variable 'size'" in the second comprehension, which reads the first one's (finished) iteration variable instead of the enclosing function's cell; CPython 3.6-3.11 print [3, 3] as the scoping rules say (checked on CPython 3.11.7, 3.12.7, 3.13.2, 3.14.2, 3.15.0rc1; issue open)


def outer():
    size = 3

    def count():
        [size for size in range(2)]
        return [size for _ in "ab"]

    return count()


print(outer())
