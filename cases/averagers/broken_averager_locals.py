# description: In the broken averager count and total are locals of averager, not free variables, so it has no closure.
# source: seed 003 (running averager notebook) — In [26], dis(avg) shows LOAD_FAST/STORE_FAST for count and total
# rules: averagers/broken-averager-locals
# note: The seed disassembles avg; opcodes differ between versions, so this case prints the code object's names instead.

def make_averager():
    """Broken implementation of higher-order function"""
    total = 0
    count = 0

    def averager(new_value):
        count += 1
        total += new_value
        return total / count

    return averager


avg = make_averager()
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(avg.__closure__)
print(make_averager.__code__.co_cellvars)
print(make_averager.__code__.co_varnames)
