# description: A counter kept in a dict needs no nonlocal; several counts share one free variable.
# source: rule: mutating an object reached through a free variable does not rebind the name
# rules: counters/container-counter

def make_tally():
    counts = {}

    def tally(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]

    return tally


tally = make_tally()
for word in ["ham", "eggs", "ham", "spam", "ham"]:
    print(word, tally(word))
print(tally.__code__.co_varnames)
print(tally.__code__.co_freevars)
print(sorted(tally.__closure__[0].cell_contents.items()))
