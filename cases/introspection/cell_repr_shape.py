# description: A cell's repr starts with "<cell at 0x", names the type of its contents ("int object"), or says "empty" for an empty cell.
# source: seed 002 closure cells Q&A — (<cell at 0x7f2cd98db1c8: int object at 0x7f2cd9847960>,)
# rules: introspection/cell-repr, introspection/empty-cell
# diverges: rustpython stdout: RustPython's cell repr is "<cell object at 0x…>"; CPython "<cell at 0x…: int object at 0x…>" / "<cell at 0x…: empty>" (checked against CPython 3.14.2)

def outer():
    def before():
        return number

    empty_repr = repr(before.__closure__[0])
    number = 7
    return empty_repr, before


empty_repr, before = outer()
full_repr = repr(before.__closure__[0])
print(full_repr.startswith('<cell at 0x'), full_repr.endswith('>'))
print('int object' in full_repr)
print(empty_repr.startswith('<cell at 0x'))
print('empty' in empty_repr, 'empty' in full_repr)
print(empty_repr.endswith(': empty>'))
