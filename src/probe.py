"""closure-conformance probe: runs a case as __main__ and reports what it observed.

Every backend runs this same file, so an observation means the same thing everywhere.
It speaks JSON lines: a request {"path": ..., "source": ...} in, an observation out.

    python -S probe.py --serve       serve requests on stdin (the worker protocol)
    python -S probe.py --once FILE   run one case and print its observation

Between cases a serving worker puts back the interpreter state a case can change
(see Snapshot); what it cannot put back it reports as "tainted" so the runner
replaces the worker instead of letting one case leak into the next.
"""

import builtins
import gc
import io
import json
import os
import sys
import types

PROTOCOL = 1
OUTPUT_LIMIT = 1 << 20  # characters per stream; a flooding case fails, the worker survives
CONTAINER_DEPTH = 3  # how deep lists/tuples/dicts are searched for functions
REPR_LIMIT = 400
NEWLOCALS = 0x2  # inspect.CO_NEWLOCALS: set for function code, not for class bodies


class OutputLimitExceeded(BaseException):
    """Raised into the case when it writes more than OUTPUT_LIMIT characters.

    A BaseException so that a case's `except Exception` cannot swallow it."""

    __module__ = "probe"  # the same name on every backend, however the probe is loaded


class CappedStream(io.StringIO):
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        if self.tell() + len(s) > OUTPUT_LIMIT:
            super().write(s[: max(0, OUTPUT_LIMIT - self.tell())])
            raise OutputLimitExceeded("output limit of %d characters exceeded" % OUTPUT_LIMIT)
        return super().write(s)

    def isatty(self):
        return False


def type_name(obj):
    cls = type(obj)
    module = getattr(cls, "__module__", "builtins")
    if module in ("builtins", "__main__", None):
        return cls.__qualname__
    return module + "." + cls.__qualname__


def safe_repr(value):
    try:
        text = repr(value)
    except BaseException as error:  # a case's __repr__ may raise anything
        return "<repr raised %s>" % type_name(error)
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT] + "...<%d more>" % (len(text) - REPR_LIMIT)
    return text


def describe_exception(error):
    if isinstance(error, SyntaxError):
        return {"type": type_name(error), "message": "%s (line %s)" % (error.msg, error.lineno)}
    try:
        message = str(error)
    except BaseException:
        message = "<str raised>"
    return {"type": type_name(error), "message": message}


def code_scopes(module_code):
    """Every code object compiled from the case, module first, then in source order."""
    found = []

    def walk(code, qualname):
        found.append((code, qualname))
        # Below a function, names get `.<locals>.`; below a class body, just `.`.
        prefix = "" if code is module_code else qualname + (".<locals>." if code.co_flags & NEWLOCALS else ".")
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                walk(const, getattr(const, "co_qualname", prefix + const.co_name))

    walk(module_code, module_code.co_name)
    # Source order; ties (same first line) keep nesting order, parents first.
    found[1:] = sorted(found[1:], key=lambda item: item[0].co_firstlineno)
    return [
        {
            "qualname": qualname,
            "line": code.co_firstlineno,
            "varnames": list(code.co_varnames),
            "cellvars": list(code.co_cellvars),
            "freevars": list(code.co_freevars),
        }
        for code, qualname in found
    ]


def reachable_functions(namespace):
    """Functions reachable from the case's globals, inside containers, and one level
    into the cells of those functions (where decorators keep the wrapped function)."""
    found = []
    seen = set()

    def visit(path, value, depth):
        if isinstance(value, types.FunctionType):
            if id(value) not in seen:
                seen.add(id(value))
                found.append((path, value))
        elif depth < CONTAINER_DEPTH and type(value) in (list, tuple):
            for index, item in enumerate(value):
                visit("%s[%d]" % (path, index), item, depth + 1)
        elif depth < CONTAINER_DEPTH and type(value) is dict:
            for key, item in list(value.items()):
                visit("%s[%s]" % (path, safe_repr(key)), item, depth + 1)

    for name, value in list(namespace.items()):
        if not (name.startswith("__") and name.endswith("__")):
            visit(name, value, 0)
    for path, function in list(found):
        for name, cell in closure_cells(function):
            try:
                contents = cell.cell_contents
            except ValueError:
                continue
            visit("%s<%s>" % (path, name), contents, 1)
    return found


def closure_cells(function):
    cells = function.__closure__ or ()
    names = function.__code__.co_freevars
    return [(names[i] if i < len(names) else "?%d" % i, cell) for i, cell in enumerate(cells)]


def describe_cells(namespace):
    described = []
    for path, function in reachable_functions(namespace):
        if function.__closure__ is None:
            closure = None
        else:
            closure = []
            for name, cell in closure_cells(function):
                try:
                    contents = cell.cell_contents
                except ValueError:
                    closure.append({"name": name, "empty": True})
                    continue
                closure.append({"name": name, "type": type_name(contents), "repr": safe_repr(contents)})
        described.append({"path": path, "qualname": function.__qualname__, "closure": closure})
    return described


def environ_data():
    """A copy of the environment. os.environ's raw dict (encoded keys and values)
    copies ~100x faster than the decoding mapping in RustPython."""
    data = getattr(os.environ, "_data", None)
    return dict(data) if isinstance(data, dict) else dict(os.environ)


class Snapshot:
    """Interpreter state a case can change, taken before it runs and put back after."""

    SYS_ATTRS = ("stdin", "stdout", "stderr", "argv", "displayhook", "excepthook", "breakpointhook")

    def __init__(self):
        self.modules = dict(sys.modules)
        self.builtins = dict(builtins.__dict__)
        self.sys_attrs = {name: getattr(sys, name) for name in self.SYS_ATTRS if hasattr(sys, name)}
        self.path = list(sys.path)
        self.meta_path = list(sys.meta_path)
        self.recursion_limit = sys.getrecursionlimit()
        self.cwd = os.getcwd()
        self.environ = environ_data()
        self.gc_enabled = gc.isenabled()
        self.trace = sys.gettrace() if hasattr(sys, "gettrace") else None
        self.profile = sys.getprofile() if hasattr(sys, "getprofile") else None
        self.int_max_str_digits = getattr(sys, "get_int_max_str_digits", lambda: None)()

    def restore(self):
        """Put the state back; returns why the worker should be replaced, or None."""
        for name in [name for name in sys.modules if name not in self.modules]:
            del sys.modules[name]
        sys.modules.update(self.modules)
        if builtins.__dict__ != self.builtins:
            builtins.__dict__.clear()
            builtins.__dict__.update(self.builtins)
        for name, value in self.sys_attrs.items():
            setattr(sys, name, value)
        sys.path[:] = self.path
        sys.meta_path[:] = self.meta_path
        if sys.getrecursionlimit() != self.recursion_limit:
            sys.setrecursionlimit(self.recursion_limit)
        if self.int_max_str_digits is not None:
            sys.set_int_max_str_digits(self.int_max_str_digits)
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
        if environ_data() != self.environ:
            os.environ.clear()
            decode_key = getattr(os.environ, "decodekey", lambda key: key)
            decode_value = getattr(os.environ, "decodevalue", lambda value: value)
            for key, value in self.environ.items():
                os.environ[decode_key(key)] = decode_value(value)
        if gc.isenabled() != self.gc_enabled:
            (gc.enable if self.gc_enabled else gc.disable)()
        if hasattr(sys, "settrace"):
            sys.settrace(self.trace)
        if hasattr(sys, "setprofile"):
            sys.setprofile(self.profile)
        try:
            import threading
        except ImportError:
            return None
        if threading.active_count() > 1:
            return "the case left %d threads running" % (threading.active_count() - 1)
        return None


def run_case(path, source):
    """Run `source` as __main__ and observe it. Never raises for anything the case does."""
    stdout, stderr = CappedStream(), CappedStream()
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins
    snapshot = Snapshot()
    sys.modules["__main__"] = main
    sys.argv = [path]
    sys.stdout, sys.stderr = stdout, stderr
    exception = None
    code = None
    try:
        try:
            code = compile(source, path, "exec", dont_inherit=True)
        except SyntaxError as error:
            exception = describe_exception(error)
        if code is not None:
            try:
                exec(code, main.__dict__)
            except BaseException as error:  # the case's own ending, whatever it is
                exception = describe_exception(error)
        # Observe before restoring: reprs may still print, and see the case's state.
        scopes = code_scopes(code) if code is not None else []
        cells = describe_cells(main.__dict__)
    finally:
        tainted = snapshot.restore()
    return {
        "stdout": stdout.getvalue(),
        "stderr": stderr.getvalue(),
        "exception": exception,
        "scopes": scopes,
        "cells": cells,
        "tainted": tainted,
    }


def hello():
    """The first line a worker sends: who it is."""
    name = sys.implementation.name
    implementation_version = "%d.%d.%d" % tuple(sys.implementation.version[:3])
    if name == "rustpython":  # its sys.implementation.version is the language's
        words = sys.version.replace("[", " ").split()
        if "RustPython" in words[:-1]:
            implementation_version = words[words.index("RustPython") + 1]
    elif name == "pypy":
        implementation_version = "%d.%d.%d" % tuple(sys.pypy_version_info[:3])
    return {
        "protocol": PROTOCOL,
        "implementation": name,
        "language_version": "%d.%d.%d" % sys.version_info[:3],
        "implementation_version": implementation_version,
        "executable": sys.executable,
    }


def hello_line():
    return json.dumps(hello(), sort_keys=True)


def handle_request(line):
    """One JSON request line in, one JSON response line out (without the newline)."""
    try:
        request = json.loads(line)
        response = run_case(request["path"], request["source"])
    except BaseException as error:  # a probe fault; report it rather than die
        response = {"probe_error": "%s: %s" % (type_name(error), error)}
    return json.dumps(response, ensure_ascii=True, sort_keys=True)


def protocol_streams():
    """Move the protocol to private copies of fds 0 and 1, then point fd 0 at
    /dev/null and fd 1 at stderr, so that a case reading the real stdin or writing
    the real stdout (os.read(0, ...), os.write(1, ...)) cannot touch the protocol."""
    requests = os.fdopen(os.dup(0), "rb")
    responses = os.fdopen(os.dup(1), "w", encoding="ascii")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    return requests, responses


def serve():
    requests, responses = protocol_streams()
    responses.write(hello_line() + "\n")
    responses.flush()
    for line in requests:
        responses.write(handle_request(line.decode("utf-8")) + "\n")
        responses.flush()


def once(path):
    with open(path, encoding="utf-8") as file:
        source = file.read()
    print(handle_request(json.dumps({"path": path, "source": source})))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve()
    elif len(sys.argv) == 3 and sys.argv[1] == "--once":
        once(sys.argv[2])
    else:
        sys.exit("usage: probe.py --serve | --once FILE")
