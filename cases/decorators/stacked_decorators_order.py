# description: Stacked decorators are applied bottom-up, and their wrappers run top-down when called.
# source: rule: @a @b def f is f = a(b(f))
# rules: decorators/stacking-order, decorators/wrapper-closes-over-func

def tag(label):
    def decorator(func):
        print('applying', label, 'to', func.__name__)

        def wrapper():
            print('enter', label)
            result = func()
            print('leave', label)
            return '<%s>%s</%s>' % (label, result, label)

        wrapper.__name__ = label + '_' + func.__name__
        return wrapper
    return decorator


@tag('b')
@tag('i')
def text():
    print('body runs')
    return 'hi'


print('defined', text.__name__)
print(text())
