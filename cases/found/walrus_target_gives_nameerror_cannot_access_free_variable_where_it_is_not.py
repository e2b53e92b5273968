# description: rustpython and CPython 3.14 end differently (reference vs rustpython): NameError vs NameError (name '…' is not defined; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target
# source: fuzz seed 3802 (generator 1, execute mode), reduced from 46 to 12 lines
# identity: rustpython: exception: NameError vs NameError (name '…' is not defined; cannot access free variable '…' where it is not associated with a value in enclosing scope); the name is bound as walrus target
# rules: claims/free-variable-definition, claims/anonymous-closure, comprehensions/walrus-binds-enclosing, comprehensions/comprehension-reads-free, comprehensions/generator-closes-over-state
# requires: >=3.8 — assignment expressions
# diverges: rustpython stdout,stderr,exception,scopes,cells: stdout: CPython `[0]`, rustpython `(nothing)`; stderr: CPython `fuzz.py:12: SyntaxWarning: 'int' object is not callable; perhaps you missed a comma?`, rustpython `(nothing)`; exception: CPython `name 'z' is not defined`, rustpython `cannot access free variable 'y' where it is not associated with a value in enclosing scope`; scopes: CPython `<module>: varnames=('v',) cellvars=() freevars=()`, rustpython `<module>: varnames=() cellvars=() freevars=()`; cells: CPython `y: int = 0`, rustpython `y: <empty>`; checked against CPython 3.14.2 (pyodide 314.0.7)
# diverges: pyodide-3.12 stderr: stderr: CPython `(nothing)`, pyodide-3.12 `  0(z)`; checked against 3.12 (CPython 3.12.1)
# diverges: pypy stderr: stderr: CPython `(nothing)`, pypy `  0(z)`; checked against 3.9 (CPython 3.9.18)
fs = [0 for v in range(0)]

def h(n):
    pass

def f():
    print([(y := 0) for x in range(1)])
    fs.append(lambda: y)
    print([k() for k in fs])
    yield 0
print('a', h(sum(f())))
0(z)
