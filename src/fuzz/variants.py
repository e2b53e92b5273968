# Every one-step smaller variant of a program (src/fuzz/minimal.rs): each single
# statement deleted (an emptied block becomes `pass`), and each expression that
# is not a constant replaced by the constant 0. A variant the compiler warns
# about (`0(x)`: "'int' object is not callable; perhaps you missed a comma?", a
# SyntaxWarning on stderr from 3.8 on) is no variant: a golden would record that
# noise, which has nothing to do with the cause. Reads one program on stdin;
# writes the program itself as Python writes it back, then each variant, all
# separated by NUL bytes.
import ast
import copy
import sys
import warnings


def statement_lists(tree):
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield node, field


def deletions(tree):
    for index, (node, field) in enumerate(list(statement_lists(tree))):
        for position in range(len(getattr(node, field))):
            variant = copy.deepcopy(tree)
            target, name = list(statement_lists(variant))[index]
            block = getattr(target, name)
            del block[position]
            if not block and name in ("handlers", "cases"):
                continue  # a try or match with no arm is no program
            if not block and name in ("body", "finalbody"):
                block.append(ast.Pass())
            yield variant


class Replace(ast.NodeTransformer):
    def __init__(self, wanted):
        self.wanted = wanted
        self.seen = 0

    def generic_visit(self, node):
        if isinstance(node, ast.expr) and replaceable(node):
            if self.seen == self.wanted:
                self.seen += 1
                return ast.copy_location(ast.Constant(0), node)
            self.seen += 1
        return super().generic_visit(node)


def replaceable(node):
    # A constant stays; an f-string's `{…}` part is no expression of its own.
    if isinstance(node, (ast.Constant, ast.FormattedValue)):
        return False
    # Targets are bindings, not values.
    return not isinstance(getattr(node, "ctx", None), (ast.Store, ast.Del))


def constants(tree):
    count = sum(1 for n in ast.walk(tree) if isinstance(n, ast.expr) and replaceable(n))
    for wanted in range(count):
        variant = Replace(wanted).visit(copy.deepcopy(tree))
        yield variant


def warns(text):
    """Whether compiling `text` gives a warning (a SyntaxError is no warning: a
    variant may well be one)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(text, "<variant>", "exec")
        except SyntaxError:
            return False
    return bool(caught)


def main():
    tree = ast.parse(sys.stdin.read())
    out = [ast.unparse(tree)]
    seen = set(out)
    for variant in list(deletions(tree)) + list(constants(tree)):
        text = ast.unparse(ast.fix_missing_locations(variant))
        if text not in seen:
            seen.add(text)
            if not warns(text):
                out.append(text)
    sys.stdout.write("\0".join(text + "\n" for text in out))


main()
