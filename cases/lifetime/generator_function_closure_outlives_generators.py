# description: A generator function's closure cell stays alive after all its generators finish, as long as the generator function exists.
# source: rule: cells outlive the frame that created them; a finished generator drops its frame
# rules: lifetime/generator-cells-after-finish, lifetime/cell-keeps-alive
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Source:
    def __init__(self, items):
        self.items = items

    def __repr__(self):
        return "Source(%r)" % self.items


def make_stream(items):
    source = Source(items)

    def stream():
        yield from source.items

    return stream, weakref.ref(source)


stream, source_ref = make_stream([1, 2])
print(list(stream()), list(stream()))
gc.collect()
print(source_ref() is None)
del stream
gc.collect()
print(source_ref() is None)
