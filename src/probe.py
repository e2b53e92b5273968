"""closure-conformance probe: runs a case as __main__ and reports what it observed.

Every backend runs this same file, so an observation means the same thing everywhere.

    python -S probe.py --serve       serve requests on stdin (the worker protocol)
    python -S probe.py --once FILE   run one case and print its observation

The worker protocol is JSON lines (docs/protocol.md). The worker first writes a
hello line; then each request {"id", "path", "source", "timeout", "memory"} gets
exactly one response {"id", "responder", "observation"} or {"id", "responder",
"fault"}, where "responder" is the token the runner gave this worker. A batch
request (the fuzzer's) has "programs" and "mode" instead of "source" and gets
{"id", "responder", "observations"}: one observation per program, all run in one
fork, each as a fresh __main__.

Isolation is exact by construction where the interpreter can fork: the serving
process is a zygote that never runs a case. Each case runs in a fresh fork of it,
which writes its observation to a pipe of its own and exits; whatever the case
changed (modules, classes, C-level state, signals, threads, fds, the process)
dies with it. The zygote enforces the timeout and the memory cap, kills every
process the case left behind, and only then answers. Where there is no fork
(Pyodide, which restores its WebAssembly memory instead), Snapshot puts back what
it can and reports the rest, so that the runner replaces the worker.
"""

import builtins
import gc
import io
import json

try:
    import linecache
except ImportError:  # MicroPython
    linecache = None
import os
import select

try:
    import signal
except ImportError:  # MicroPython, which has no fork either: its Node host serves it
    signal = None
import sys
import time
import types

# MicroPython (docs/protocol.md, "MicroPython"): no code objects to walk and no
# __closure__ (scopes and cells are not observable there), no module objects to
# make and no sys.stdout to rebind (its Node host captures the output).
MICROPYTHON = sys.implementation.name == "micropython"

PROTOCOL = 3
TOKEN_ENV = "CLOSURE_CONFORMANCE_TOKEN"
SANDBOX_ENV = "CLOSURE_CONFORMANCE_SANDBOX"  # what src/sandbox/ put in force
SCRATCH_ENV = "CLOSURE_CONFORMANCE_SCRATCH"  # its writable directories
SANDBOX = []  # the protections in force, for the hello
TICK = 0.01  # seconds between the zygote's checks of a running case
STDERR_TAIL = 2048  # bytes of a case's raw stderr kept to explain a crash
RESPONSE_LIMIT = 32 << 20  # bytes; matches the runner's limit
OUTPUT_LIMIT = 1 << 20  # characters per stream; a flooding case fails, the worker survives
CONTAINER_DEPTH = 3  # how deep lists/tuples/dicts are searched for functions
REPR_LIMIT = 400
NEWLOCALS = 0x2  # inspect.CO_NEWLOCALS: set for function code, not for class bodies
COMPILED = []  # --compiled DIR: cases are modules compiled into DIR (src/backend/compiled/)
MAIN_ALIAS = []  # a compiled case's module name where it could not be __main__
FUNCTION_TYPES = [types.FunctionType]  # and the compilers' own function types, when compiled


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


def clean(text):
    """Text as JSON and every backend can carry it: a lone surrogate (which no
    UTF-8 can hold) is written as its escape, e.g. \\ud800."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def type_name(obj):
    cls = type(obj)
    module = getattr(cls, "__module__", "builtins")
    name = getattr(cls, "__qualname__", cls.__name__)  # MicroPython's built-ins have no __qualname__
    if module in ("builtins", "__main__", None) or module in MAIN_ALIAS:
        return name
    return module + "." + name


def safe_repr(value):
    try:
        text = repr(value)
    except BaseException as error:  # a case's __repr__ may raise anything
        return "<repr raised %s>" % type_name(error)
    if not isinstance(text, str):  # a str subclass, or worse
        return "<repr returned %s>" % type_name(text)
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT] + "...<%d more>" % (len(text) - REPR_LIMIT)
    return clean(str(text))


def describe_exception(error):
    if isinstance(error, SyntaxError) and hasattr(error, "msg"):  # MicroPython's has no msg, no lineno
        return {"type": type_name(error), "message": "%s (line %s)" % (error.msg, error.lineno)}
    try:
        message = clean(str(error))
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
        if isinstance(value, tuple(FUNCTION_TYPES)):
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


def fresh_main(path):
    """A new __main__ module for a case. MicroPython cannot make a module: there
    the case runs in the interpreter's own __main__, emptied first (its host puts
    the whole interpreter back after every case)."""
    if MICROPYTHON:
        import __main__ as main

        main.__dict__.clear()
        main.__dict__.update({"__name__": "__main__", "__file__": path})
        return main
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    return main


def observe(path, source, execute=True):
    """Run `source` as __main__ and observe it (or only compile it, when not
    `execute`). Never raises for anything the case does; leaves behind whatever
    the case changed (the caller isolates)."""
    stdout, stderr = CappedStream(), CappedStream()
    main = fresh_main(path)
    if MICROPYTHON:
        sys.argv[:] = [path]
    else:
        sys.argv = [path]
        sys.stdout, sys.stderr = stdout, stderr
    exception = None
    code = None
    # Tracebacks and warnings show the case's lines from here, never from a file
    # that may or may not be found relative to the working directory.
    if linecache is not None:
        linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    try:
        if MICROPYTHON:  # takes no keyword arguments
            code = compile(source, path, "exec")
        else:
            code = compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as error:
        exception = describe_exception(error)
    if code is not None and execute:
        try:
            exec(code, main.__dict__)
        except BaseException as error:  # the case's own ending, whatever it is
            exception = describe_exception(error)
    # Observe before anything is put back: reprs may still print, and see the case's state.
    scopes = code_scopes(code) if code is not None and not MICROPYTHON else []
    cells = describe_cells(main.__dict__) if not MICROPYTHON else []
    return {
        "stdout": clean(stdout.getvalue()),
        "stderr": clean(stderr.getvalue()),
        "exception": exception,
        "scopes": scopes,
        "cells": cells,
    }


def observe_compiled(path, source):
    """observe() for a case compiled as a module (src/backend/compiled/): the module
    the runner built from exactly this source is imported as __main__ and observed
    as observe() does. There is no module code object to walk, so no scopes; a
    source the compiler rejected is observed as that rejection, a CompileError."""
    import hashlib
    import importlib.util

    folder = os.path.join(COMPILED[0], "entries", hashlib.sha256(source.encode("utf-8")).hexdigest())
    try:
        with open(os.path.join(folder, "source.py"), encoding="utf-8") as file:
            same = file.read() == source
        with open(os.path.join(folder, "entry.json"), encoding="utf-8") as file:
            entry = json.load(file)
    except OSError:
        raise RuntimeError("the case was not compiled (no entry in %s)" % folder)
    if not same:
        raise RuntimeError("the compiled entry %s holds another source" % folder)
    stdout, stderr = CappedStream(), CappedStream()
    sys.argv = [path]
    sys.stdout, sys.stderr = stdout, stderr
    linecache.cache[path] = (len(source), None, source.splitlines(True), path)
    exception, namespace = None, {}
    if "rejected" in entry:
        exception = {"type": "CompileError", "message": entry["rejected"]}
    else:
        name = entry["module"]
        if name != "__main__":
            MAIN_ALIAS.append(name)
        try:
            if "path" in entry:
                sys.path.insert(0, entry["path"])
                spec = importlib.util.find_spec(name)
            else:
                loader = importlib.machinery.ExtensionFileLoader(name, entry["file"])
                spec = importlib.util.spec_from_file_location(name, entry["file"], loader=loader)
            module = importlib.util.module_from_spec(spec)  # mypyc runs the case here
            namespace = module.__dict__
            sys.modules[name] = sys.modules["__main__"] = module
            spec.loader.exec_module(module)
        except BaseException as error:  # the case's own ending, whatever it is
            exception = describe_exception(error)
        for value in list(namespace.values()):
            kind = type(value)
            if callable(value) and hasattr(value, "__code__") and hasattr(value, "__closure__") and kind not in FUNCTION_TYPES:
                FUNCTION_TYPES.append(kind)  # Nuitka's compiled_function, Cython's cyfunction
    cells = describe_cells(namespace)
    observation = {
        "stdout": clean(stdout.getvalue()),
        "stderr": clean(stderr.getvalue()),
        "exception": exception,
        "scopes": [],
        "cells": cells,
    }
    return unalias(observation)


def unalias(value):
    """Every text of an observation with the compiled module's name said as __main__."""
    if not MAIN_ALIAS:
        return value
    if isinstance(value, str):
        return value.replace(MAIN_ALIAS[0], "__main__")
    if isinstance(value, list):
        return [unalias(item) for item in value]
    if isinstance(value, dict):
        return {key: unalias(item) for key, item in value.items()}
    return value


def observe_batch(path, programs, mode):
    """Observes each program in turn, each as a fresh __main__ in this process.

    Only for the fuzzer's programs, which by construction touch nothing but their
    own module (no imports, no I/O, no interpreter state): the batch as a whole is
    isolated like one case, and the runner reruns a program alone before it
    trusts a difference, so nothing one program leaves can be mistaken for another's."""
    if mode not in ("execute", "compile"):
        raise ValueError("unknown batch mode %r" % (mode,))
    saved = sys.stdout, sys.stderr
    try:
        return [observe(path, source, mode == "execute") for source in programs]
    finally:
        sys.stdout, sys.stderr = saved


def run_case(path, source):
    """observe() in this process, then put back what Snapshot knows; "tainted" says
    what it could not put back (the worker must then be replaced)."""
    snapshot = Snapshot()
    saved = sys.stdout, sys.stderr
    try:
        observation = observe(path, source)
    finally:
        sys.stdout, sys.stderr = saved
        tainted = snapshot.restore()
    observation["tainted"] = tainted
    return observation


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
        "executable": getattr(sys, "executable", ""),
        "isolation": "fork" if hasattr(os, "fork") else "restore",
        "pid_namespace": hasattr(os, "getpid") and os.getpid() == 1,
        "sandbox": SANDBOX,
    }


def in_force(claimed):
    """The sandbox's claims, less those this process can see are not true."""
    try:
        with open("/proc/self/status", "rb") as file:
            status = dict(line.split(b":", 1) for line in file.read().splitlines() if b":" in line)
    except OSError:
        status = {}
    checks = {
        "no-capabilities": lambda: int(status[b"CapEff"], 16) == 0 == int(status[b"CapBnd"], 16),
        "no-new-privileges": lambda: status[b"NoNewPrivs"].strip() == b"1",
        "seccomp": lambda: status[b"Seccomp"].strip() == b"2",
        "pid-namespace": lambda: os.getpid() == 1,
        "read-only-mounts": lambda: bool(os.statvfs("/").f_flag & 1),
    }
    try:
        return [name for name in claimed if name and checks.get(name, lambda: True)()]
    except (KeyError, ValueError, OSError):
        return []


def hello_line():
    if MICROPYTHON:  # its json.dumps takes no keyword arguments
        return json.dumps(hello())
    return json.dumps(hello(), sort_keys=True)


def observe_json(path, source, execute=True):
    """observe() as JSON, for MicroPython's host, which adds the output it captured."""
    return json.dumps(observe(path, source, execute))


def dumps(value):
    """One JSON line. The RustPython worker replaces this with a native encoder
    (its json module is pure Python and would cost more than the case)."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


def seconds(value):
    """1 -> "1s", 2.5 -> "2.5s", as the runner writes durations."""
    return ("%.3f" % value).rstrip("0").rstrip(".") + "s"


def mebibytes(count):
    return "%d MiB" % (count >> 20)


def parse_request(line):
    """(id, path, job, timeout, memory); job is a source, or (programs, mode) for a batch."""
    request = json.loads(line)
    if not isinstance(request, dict):
        raise ValueError("a request is a JSON object")
    if "programs" in request:
        programs = request["programs"]
        if not isinstance(programs, list) or not all(isinstance(p, str) for p in programs):
            raise ValueError("programs is a list of strings")
        job = (programs, request.get("mode", "execute"))
    else:
        job = request["source"]
    return (
        request["id"],
        request["path"],
        job,
        float(request.get("timeout", 10)),
        int(request.get("memory", 4 << 30)),
    )


def run_job(path, job):
    """The JSON payload of one job: an observation, or a batch's list of them."""
    if isinstance(job, tuple):
        if COMPILED:
            raise ValueError("a compiled backend runs no batches: each program is compiled apart")
        return "observations", observe_batch(path, job[0], job[1])
    if COMPILED:
        return "observation", observe_compiled(path, job)
    return "observation", observe(path, job)


def respond_in_process(line, token):
    """The whole answer to one request line, for a worker that cannot fork: the
    case runs in this process and Snapshot puts back what it can."""
    request_id = None
    try:
        request_id, path, job, _, _ = parse_request(line)
        if isinstance(job, tuple):
            snapshot = Snapshot()
            try:
                response = {"id": request_id, "responder": token, "observations": observe_batch(path, job[0], job[1])}
            finally:
                tainted = snapshot.restore()
        else:
            observation = run_case(path, job)
            tainted = observation.pop("tainted")
            response = {"id": request_id, "responder": token, "observation": observation}
        if tainted:
            response["replace"] = tainted
    except BaseException as error:  # a probe fault; report it rather than die
        response = {"id": request_id, "responder": token, "fault": "probe error: %s: %s" % (type_name(error), error)}
    return dumps(response)


def handle_request(line):
    """One request line in, one observation line out (--once, and old callers)."""
    request = json.loads(line)
    try:
        response = run_case(request["path"], request["source"])
    except BaseException as error:
        response = {"probe_error": "%s: %s" % (type_name(error), error)}
    return dumps(response)


SIGNAL_NAMES = {4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM", 25: "SIGXFSZ"}


def describe_status(status):
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        return "killed by signal %d (%s)" % (number, SIGNAL_NAMES.get(number, "signal"))
    return "exited with status %d" % os.WEXITSTATUS(status)


class Zygote:
    """The serving process. It never runs a case: each case runs in a fork of it.

    Everything a case can reach dies with its fork; what the zygote holds for the
    protocol (its request and response descriptors) is closed in the fork first."""

    def __init__(self, requests, responses, token, scratch):
        self.requests = requests  # raw descriptor the runner writes requests to
        self.responses = responses  # raw descriptor the runner reads responses from
        self.token = token
        # In a PID namespace of its own the zygote is init: every process a case
        # leaves behind becomes its child, and kill(-1) reaches exactly them.
        self.namespace = os.getpid() == 1
        self.page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self.rollup = os.path.exists("/proc/self/smaps_rollup")  # Linux 4.14+
        self.signals = quiet_signals(self.namespace)
        self.scratch = Scratch(scratch)
        warm_up()

    def serve(self):
        self.write(hello_line())
        buffer = b""
        while True:
            while b"\n" not in buffer:
                chunk = os.read(self.requests, 1 << 16)
                if not chunk:
                    return
                buffer += chunk
            line, buffer = buffer.split(b"\n", 1)
            self.write(self.respond(line.decode("utf-8")))

    def write(self, text):
        data = (text + "\n").encode("utf-8")
        while data:
            data = data[os.write(self.responses, data):]

    def respond(self, line):
        request_id, replace = None, None
        try:
            request_id, path, job, timeout, memory = parse_request(line)
            outcome, payload = self.run(path, job, timeout, memory)
            replace = self.scratch.empty()  # every process of the case is dead by now
        except BaseException as error:  # a probe fault; report it rather than die
            outcome, payload = "fault", "probe error: %s: %s" % (type_name(error), error)
        extra = ', "replace": %s' % json.dumps(replace) if replace else ""
        if outcome != "fault":
            return '{"id": %s, %s: %s, "responder": %s%s}' % (json.dumps(request_id), json.dumps(outcome), payload, json.dumps(self.token), extra)
        response = {"id": request_id, "responder": self.token, "fault": payload}
        if replace:
            response["replace"] = replace
        return dumps(response)

    def run(self, path, job, timeout, memory):
        """Runs one job in a fork; returns ("observation" or "observations", json) or ("fault", why)."""
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            self.child(path, job, out_read, out_write, err_read, err_write)
        os.close(out_write)
        os.close(err_write)
        try:
            outcome, payload = self.supervise(pid, out_read, err_read, timeout, memory)
            if outcome == "observation":
                # The child wrote [kind, payload]; the kind is the probe's, not the case's.
                kind, _, payload = payload.partition(" ")
                outcome = json.loads(kind)
            return outcome, payload
        finally:
            os.close(out_read)
            os.close(err_read)

    def child(self, path, job, out_read, out_write, err_read, err_write):
        """The fork: runs the case, writes one observation line, never returns."""
        try:
            me = os.getpid()
            for number, handler in self.signals.items():
                signal.signal(number, handler)
            os.dup2(err_write, 1)  # raw writes to fds 1 and 2 are kept to explain a crash
            os.dup2(err_write, 2)
            # Nothing of the zygote's reaches the case: only 0 (/dev/null), 1, 2 and its pipe.
            close_all_but(out_write, (self.requests, self.responses, out_read, err_read, err_write))
            os.setpgid(0, 0)  # the case and what it starts form one group
            kind, payload = run_job(path, job)
            data = ("%s %s\n" % (json.dumps(kind), dumps(payload))).encode("utf-8")
            if os.getpid() == me:  # a fork the case made must not answer for it
                while data:
                    data = data[os.write(out_write, data):]
        except BaseException as error:  # the probe failed here; say why on stderr
            os.write(2, ("probe error: %s: %s\n" % (type_name(error), error)).encode("utf-8", "replace"))
            os._exit(70)
        finally:
            os._exit(0)

    def supervise(self, pid, out_read, err_read, timeout, memory):
        """Waits for the case to end, within its time and memory; returns its result."""
        start = time.monotonic()
        deadline, next_check = start + timeout, start + TICK
        output = CaseOutput(out_read, err_read)
        status, why, pause = None, None, 0.0002
        while status is None and why is None:
            now = time.monotonic()
            if now >= deadline:
                why = "timed out after %s" % seconds(timeout)
                break
            if now >= next_check:
                next_check = now + TICK
                used = self.memory_used(pid, memory)
                if used > memory:
                    why = "memory limit exceeded (%s used, limit %s)" % (mebibytes(used), mebibytes(memory))
                    break
            wait = min(deadline, next_check) - now
            if output.open:
                output.read(select.select(output.open, [], [], wait)[0])
            else:  # the case closed its pipes; it is exiting, or about to
                time.sleep(min(pause, wait))
                pause = min(pause * 2, TICK)
            why = output.overflow
            status = self.exited(pid)
        status = self.finish(pid, status)
        output.drain(select)
        if why is not None:
            return "fault", why
        data = output.data
        if data.count(b"\n") == 1 and data.endswith(b"\n") and data.startswith(b'"observation'):
            return "observation", data[:-1].decode("utf-8")
        if data:
            return "fault", "the case wrote into the probe's response channel"
        why = "case crashed: %s" % describe_status(status)
        text = output.tail.decode("utf-8", "replace").strip()
        if text:
            why += "; its stderr ended with:\n" + "\n".join(text.splitlines()[-6:])
        return "fault", why

    def exited(self, pid):
        """The case's wait status once it has exited, else None."""
        done, status = os.waitpid(pid, os.WNOHANG)
        return status if done == pid else None

    def finish(self, pid, status):
        """Kills whatever the case left running (and the case, if it still runs),
        reaps it all, and returns the case's wait status."""
        if not self.namespace:
            for target in (-pid, pid):  # the case's process group, and the case
                try:
                    os.kill(target, signal.SIGKILL)
                except OSError:
                    pass
            if status is None:
                status = os.waitpid(pid, 0)[1]
            return status
        while True:  # init of our namespace: -1 is every process but us
            try:
                os.kill(-1, signal.SIGKILL)
            except OSError:
                pass
            try:
                done, each = os.waitpid(-1, 0)
            except ChildProcessError:
                return status
            if done == pid:
                status = each

    def memory_used(self, pid, limit):
        """Bytes of the case and everything it started. Resident size first (cheap);
        above the limit, proportional set size decides (a page shared by n processes,
        or with the zygote, counts 1/n in each), so that 800 forks of one small
        process count about once, not 800 times. PSS is never more than RSS, and
        costs a walk of every page (smaps_rollup, Linux 4.14+): only near the limit."""
        pids = [pid]
        if self.namespace:  # /proc is this namespace's: it lists only the case's processes
            pids = [int(name) for name in os.listdir("/proc") if name.isdigit() and name != "1"]
        used = sum(self.resident(each) for each in pids)
        if used > limit and self.rollup:
            used = sum(proportional(each) for each in pids)
        return used

    def resident(self, pid):
        try:
            with open("/proc/%d/statm" % pid, "rb") as statm:
                return int(statm.read().split()[1]) * self.page
        except (OSError, ValueError, IndexError):
            return 0


def proportional(pid):
    """The proportional set size of a process, in bytes (0 once it is gone)."""
    try:
        with open("/proc/%d/smaps_rollup" % pid, "rb") as rollup:
            data = rollup.read()
        at = data.index(b"\nPss:") + 5
        return int(data[at : data.index(b"kB", at)]) << 10
    except (OSError, ValueError):
        return 0


def warm_up():
    """Does once, before the first fork, the work every case would otherwise redo
    in its own fork, where none of it is kept: CPython sets up its AST types the
    first time compile() is called (~120 classes, half the CPU of a small case).
    Nothing a case can see changes: no module is imported, and the types exist
    whether or not they were made before the fork."""
    compile("", "<probe>", "exec", dont_inherit=True)


def quiet_signals(namespace):
    """Makes the zygote deaf to signals from its cases. A handler the interpreter
    installed (CPython's SIGINT) is replaced by the default action, which the kernel
    never delivers to init of a PID namespace from inside it; without a namespace
    the signal is ignored. Returns the handlers to put back in each fork."""
    changed = {}
    for number in range(1, getattr(signal, "NSIG", 65)):
        try:
            handler = signal.getsignal(number)
        except (ValueError, OSError, RuntimeError):
            continue
        if callable(handler):
            signal.signal(number, signal.SIG_DFL if namespace else signal.SIG_IGN)
            changed[number] = handler
    return changed


def close_all_but(keep, known):
    """Closes every descriptor above 2 but `keep` (all of /proc/self/fd, or the
    `known` ones where there is no /proc)."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = known
    for fd in fds:
        if fd > 2 and fd != keep:
            try:
                os.close(fd)
            except OSError:  # the listing's own descriptor, already closed
                pass


class Scratch:
    """The writable directories the sandbox gave this worker (one tmpfs seen at
    /tmp, /var/tmp, /dev/shm and the working directory): emptied after every case,
    so that no file a case writes reaches another case or a later run."""

    def __init__(self, dirs):
        self.dirs = [d for d in dirs.split(":") if d]
        self.state = self.look()

    def look(self):
        """What a case can change there: the tmpfs's free inodes and each directory's mode."""
        if not self.dirs:
            return None
        return [os.statvfs(self.dirs[0]).f_ffree] + [os.lstat(d).st_mode for d in self.dirs]

    def empty(self):
        """Removes what the case left; returns why the worker must be replaced, or None."""
        if self.look() == self.state:
            return None
        for top, mode in zip(self.dirs, self.state[1:]):
            try:
                os.chmod(top, mode & 0o7777)
            except OSError:
                pass
            remove_below(top)
        if self.look() != self.state:
            return "the case left files in its scratch directories that could not be removed"
        return None


def remove_below(top):
    """Removes everything below `top`, without recursion and without following links
    or entering another mount (the program the sandbox keeps in view, read-only)."""
    device = os.lstat(top).st_dev
    stack, found = [top], []
    while stack:
        path = stack.pop()
        try:
            if path != top:
                os.chmod(path, 0o700)  # a directory the case made unreadable
            names = os.listdir(path)
        except OSError:
            continue
        for name in names:
            entry = os.path.join(path, name)
            try:
                if os.lstat(entry).st_dev != device:
                    continue
            except OSError:
                continue
            if os.path.isdir(entry) and not os.path.islink(entry):
                stack.append(entry)
                found.append(entry)
            else:
                try:
                    os.unlink(entry)
                except OSError:
                    pass
    for path in reversed(found):
        try:
            os.rmdir(path)
        except OSError:
            pass


class CaseOutput:
    """What a running case writes: its observation line, and the tail of its raw
    stderr (kept to explain a crash)."""

    def __init__(self, out_read, err_read):
        self.out_read = out_read
        self.open = [out_read, err_read]
        self.data = b""
        self.tail = b""
        self.overflow = None

    def read(self, ready):
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                self.open.remove(fd)
            elif fd == self.out_read:
                self.data += chunk
                if len(self.data) > RESPONSE_LIMIT:
                    self.overflow = "the observation is larger than %s" % mebibytes(RESPONSE_LIMIT)
            else:
                self.tail = (self.tail + chunk)[-STDERR_TAIL:]

    def drain(self, select):
        """Reads what is left once every writer is gone (bounded, in case one is not)."""
        deadline = time.monotonic() + 1
        while self.open and self.overflow is None and time.monotonic() < deadline:
            self.read(select.select(self.open, [], [], 0.1)[0])


def protocol_descriptors():
    """Moves the protocol to private copies of fds 0 and 1, then points fd 0 at
    /dev/null and fd 1 at stderr, so that a case reading the real stdin or writing
    the real stdout (os.read(0, ...), os.write(1, ...)) cannot touch the protocol."""
    requests, responses = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return requests, responses


def serve():
    requests, responses = protocol_descriptors()
    token = os.environ.pop(TOKEN_ENV, "")
    SANDBOX[:] = in_force(os.environ.pop(SANDBOX_ENV, "").split(","))
    scratch = os.environ.pop(SCRATCH_ENV, "")
    if hasattr(os, "fork"):
        Zygote(requests, responses, token, scratch).serve()
        return
    lines = os.fdopen(requests, "rb")
    out = os.fdopen(responses, "w", encoding="ascii")
    out.write(hello_line() + "\n")
    out.flush()
    for line in lines:
        out.write(respond_in_process(line.decode("utf-8"), token) + "\n")
        out.flush()


def once(path):
    with open(path, encoding="utf-8") as file:
        source = file.read()
    print(handle_request(json.dumps({"path": path, "source": source})))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        if sys.argv[2:3] == ["--compiled"] and len(sys.argv) == 4:
            COMPILED.append(sys.argv[3])
            import hashlib  # noqa: F401 -- before the first fork, so every case finds it loaded
            import importlib.machinery
            import importlib.util  # noqa: F401
        serve()
    elif len(sys.argv) == 3 and sys.argv[1] == "--once":
        once(sys.argv[2])
    else:
        sys.exit("usage: probe.py --serve | --once FILE")
