# description: A closure over the `except ... as e` name sees it inside the except block, but the name is deleted at its end, so a later call raises NameError.
# source: rule: the except target is implicitly deleted at the end of the except clause
# rules: errors/except-as-unbinds, errors/free-var-empty-cell

def catch():
    try:
        {}['missing']
    except KeyError as e:
        def describe():
            return type(e).__name__ + ' ' + str(e)

        print(describe())
    print(describe.__code__.co_freevars)
    print(catch.__code__.co_cellvars)
    return describe


describe = catch()
describe()
