# description: A method reading a class attribute by its bare name gets the global of that name, not the class attribute.
# source: rule: a class body is not an enclosing scope for the functions defined in it
# rules: class_scopes/class-body-not-enclosing
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

label = "global label"


class Widget:
    label = "class label"

    def show(self):
        return label

    def show_qualified(self):
        return self.label


w = Widget()
print(w.show())
print(w.show_qualified())
print(Widget.show.__code__.co_freevars)
print(Widget.show.__closure__)
