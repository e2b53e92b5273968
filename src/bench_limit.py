"""The benchmark's "limit": bare execution of cases, with no probe and no comparison.

Reads a JSON list of [path, source] pairs on stdin, runs each as __main__ in a fresh
namespace with its output captured (so nothing floods), prints the count."""

import builtins
import io
import json
import sys

cases = json.loads(sys.stdin.buffer.read().decode("utf-8"))  # whatever the locale
real_stdout, real_stderr = sys.stdout, sys.stderr
for path, source in cases:
    sys.stdout = sys.stderr = io.StringIO()
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    try:
        exec(compile(source, path, "exec"), namespace)
    except BaseException:  # cases may end in any exception; the limit ignores it
        pass
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
print(len(cases))
