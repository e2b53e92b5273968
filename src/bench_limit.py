"""The benchmark's "limit": bare execution of cases, with no probe and no comparison.

Reads a JSON list of [path, source] pairs on stdin and runs each as __main__ in a
fresh namespace with its output captured (so nothing floods). Reports on a private
copy of fd 1 (fd 1 itself then points at stderr, so a case writing the real stdout
cannot forge a report): "ready", then the index of each case once it has finished.
When a case takes the process down (a crash, os._exit, a hang the driver kills),
the driver in bench.rs knows from the last index which case it was, counts it as
contained and starts a fresh process on the cases after it."""

import builtins
import io
import json
import os
import sys

cases = json.loads(sys.stdin.buffer.read().decode("utf-8"))  # whatever the locale
report = os.dup(1)
os.dup2(2, 1)
write = os.write  # bound now: a case may replace os.write


def say(line, write=write, report=report):
    write(report, (line + "\n").encode("ascii"))


say("ready")
real_stdout, real_stderr = sys.stdout, sys.stderr
for index, (path, source) in enumerate(cases):
    sys.stdout = sys.stderr = io.StringIO()
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    try:
        exec(compile(source, path, "exec"), namespace)
    except BaseException:  # cases may end in any exception; the limit ignores it
        pass
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
    say(str(index))
