# description: A callback made by event_handler closes over the event name and prints it with its *args and **kwargs.
# source: seed 004 "Understanding Closures in Python" — Callbacks, event_handler
# rules: factories/callback-context

def event_handler(event_name):
    def callback(*args, **kwargs):
        print(f"Event '{event_name}' triggered with args: {args}, kwargs: {kwargs}")

    return callback


button_click = event_handler("button_click")
button_click("left_click", x=100, y=200)
# Event 'button_click' triggered with args: ('left_click',), kwargs: {'x': 100, 'y': 200}
print(button_click.__code__.co_varnames)
print(button_click.__code__.co_freevars)
