# description: Annotating a name that is declared nonlocal makes the file fail to compile.
# source: rule: an annotated name cannot be nonlocal
# rules: errors/nonlocal-annotated
# diverges: rustpython stdout, exception, scopes, cells: RustPython accepts annotating a nonlocal name (`nonlocal size` then `size: int = …`) and runs the file; CPython raises SyntaxError "annotated name 'size' can't be nonlocal" (checked against CPython 3.14.2)

def outer():
    size = 1

    def grow():
        nonlocal size
        size: int = size + 1
        return size

    return grow()


print(outer())
