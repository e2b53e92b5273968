# description: Two services built from the same factory with different injected dependencies behave differently and share nothing.
# source: seed 001 "Closure" — Common Uses: Dependency Injection
# rules: factories/dependency-injection, factories/function-factory
# diverges: pypy scopes: PyPy compiles a class body with a local variable __locals__ (co_varnames ('__locals__',)); CPython 3.9 has none (checked against CPython 3.9.18)

class FixedRates:
    def rate(self, currency):
        return {"EUR": 0.5, "GBP": 0.25}[currency]

    def __repr__(self):
        return "FixedRates()"


class StubRates:
    def rate(self, currency):
        return 1.0

    def __repr__(self):
        return "StubRates()"


def make_price_service(rates, currency):
    def price(amount):
        return "%.2f %s" % (amount * rates.rate(currency), currency)

    return price


live_rates = FixedRates()
live_price = make_price_service(live_rates, "EUR")
test_price = make_price_service(StubRates(), "GBP")
print(live_price(10))
print(test_price(10))
print(live_price.__code__.co_freevars)
live_cells = dict(zip(live_price.__code__.co_freevars, live_price.__closure__))
test_cells = dict(zip(test_price.__code__.co_freevars, test_price.__closure__))
print(live_cells["rates"].cell_contents is live_rates)
print(live_cells["currency"].cell_contents, test_cells["currency"].cell_contents)
print(live_cells["rates"] is test_cells["rates"])
