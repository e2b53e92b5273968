# description: Getter and setter closures share a private value that no global name reaches.
# source: seed 004 "Understanding Closures in Python" — Data Encapsulation: "encapsulate data within a function, creating a private scope"
# rules: factories/private-state

def make_account(balance):
    def get_balance():
        return balance

    def set_balance(amount):
        nonlocal balance
        balance = amount

    return get_balance, set_balance


get_balance, set_balance = make_account(100)
print(get_balance())
set_balance(250)
print(get_balance())
print("balance" in globals())
print(get_balance.__closure__[0] is set_balance.__closure__[0])
print(make_account.__code__.co_cellvars)
