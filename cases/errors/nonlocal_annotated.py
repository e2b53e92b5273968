# description: Annotating a name that is declared nonlocal makes the file fail to compile.
# source: rule: an annotated name cannot be nonlocal
# rules: errors/nonlocal-annotated
# diverges: rustpython stdout, exception, scopes, cells: RustPython accepts annotating a nonlocal name (`nonlocal size` then `size: int = …`) and runs the file; CPython raises SyntaxError "annotated name 'size' can't be nonlocal"; RustPython also compiles an __annotate__ code object for a function whose body has only local-variable annotations

def outer():
    size = 1

    def grow():
        nonlocal size
        size: int = size + 1
        return size

    return grow()


print(outer())
