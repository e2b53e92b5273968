# description: Annotating a name that is declared nonlocal makes the file fail to compile.
# source: rule: an annotated name cannot be nonlocal
# rules: errors/nonlocal-annotated

def outer():
    size = 1

    def grow():
        nonlocal size
        size: int = size + 1
        return size

    return grow()


print(outer())
