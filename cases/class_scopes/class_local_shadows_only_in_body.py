# description: A class body assigning a name the enclosing function also has shadows it only inside the body; methods and the function still see the function's variable.
# source: rule: a class-level binding is seen by the class body only; methods close over the enclosing function's variable
# rules: class_scopes/class-local-shadowing, class_scopes/class-body-not-enclosing
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)


def outer():
    color = "red"

    class Paint:
        color = "blue"
        in_body = color

        def method_sees(self):
            return color

    return Paint, color


Paint, color = outer()
print(Paint.in_body)
print(Paint.color)
print(Paint().method_sees())
print(color)
print(Paint.method_sees.__code__.co_freevars)
print(Paint.method_sees.__closure__[0].cell_contents)
