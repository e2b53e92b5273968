# description: When a generator finishes its frame is released, but a closure it yielded keeps the generator's captured local alive through the cell.
# source: rule: cells outlive the frame that created them; a finished generator drops its frame
# rules: lifetime/generator-cells-after-finish, lifetime/cell-outlives-frame
# diverges: rustpython stdout, scopes: RustPython keeps a finished generator's frame locals until the generator is deleted or close()d (only close() clears them), so the uncaptured local dropped stays alive; CPython frees them when the generator finishes; RustPython gives every class body that contains a def or lambda a __classdict__ cell (co_cellvars ('__classdict__',)); CPython 3.11–3.13 only when an annotation scope needs it
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
