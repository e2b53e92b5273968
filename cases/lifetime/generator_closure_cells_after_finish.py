# description: When a generator finishes its frame is released, but a closure it yielded keeps the generator's captured local alive through the cell.
# source: rule: cells outlive the frame that created them; a finished generator drops its frame
# rules: lifetime/generator-cells-after-finish, lifetime/cell-outlives-frame
# diverges: rustpython stdout: RustPython keeps a finished generator's frame locals until the generator is closed or deleted, so the uncaptured local stays alive; CPython frees them when the generator finishes (checked against CPython 3.14.2)
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)
import gc
import weakref


class Token:
    def __repr__(self):
        return "Token()"


refs = []


def producer():
    kept = Token()
    dropped = Token()
    refs.append(weakref.ref(kept))
    refs.append(weakref.ref(dropped))
    yield lambda: kept


gen = producer()
getter = next(gen)
print(gen.gi_frame is None)
for _ in gen:
    pass
gc.collect()
print(gen.gi_frame is None)
print("kept alive:", refs[0]() is not None)
print("dropped alive:", refs[1]() is not None)
print(getter() is refs[0]())
print(producer.__code__.co_cellvars, getter.__code__.co_freevars)
