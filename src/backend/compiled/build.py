"""closure-conformance: compiles cases as modules with an ahead-of-time compiler.

    python -I -c <this file> COMPILER CACHE JOBS SOURCES

COMPILER is cython, nuitka or mypyc, run from the virtual environment this
interpreter belongs to (the compilers' pinned install, src/backend/compiled/).
SOURCES is a file holding a JSON list of case sources. Each source not yet in CACHE is compiled,
several in one compiler run where the compiler allows it (a *batch*), and gets
an entry: CACHE/entries/<sha256 of its UTF-8>/ with `source.py` (the source, which
the probe checks is the one it was asked to run) and `entry.json`, written last:

    {"module": "__main__", "file": ".../__main__.cpython-311-x86_64-linux-gnu.so"}
    {"module": "cc_1a2b.m_3c4d", "path": ".../batch"}      (imported from path)
    {"rejected": "line 3: no binding for nonlocal 'x' found"}

A source the compiler rejects is an entry too: the rejection is what the probe
reports, as the case's exception. Nothing here runs a case: the compilers only
read them. One JSON line on stdout says what was done.
"""

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ERROR_LINE = re.compile(r"^(?:.*?[/\\])?[\w.]+\.py:(\d+)(?::(\d+))?: (?:error: )?(.*)$")
REJECTED_LIMIT = 400  # characters of a rejection kept


def key(source):
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, root):
        self.root = root
        self.entries = os.path.join(root, "entries")
        self.batches = os.path.join(root, "batches")
        os.makedirs(self.entries, exist_ok=True)
        os.makedirs(self.batches, exist_ok=True)

    def has(self, sha):
        return os.path.isfile(os.path.join(self.entries, sha, "entry.json"))

    def put(self, sha, source, entry):
        """Writes an entry; `entry.json` last and by rename, so that a build cut
        short leaves no entry the probe could take for a whole one."""
        folder = os.path.join(self.entries, sha)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "source.py"), "w", encoding="utf-8") as file:
            file.write(source)
        temporary = os.path.join(folder, ".entry.json.%d" % os.getpid())
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(entry, file, sort_keys=True)
        os.replace(temporary, os.path.join(folder, "entry.json"))

    def batch_dir(self, shas):
        name = "b" + key(" ".join(sorted(shas)))[:16]
        folder = os.path.join(self.batches, name)
        if os.path.isdir(folder):
            shutil.rmtree(folder)  # an earlier build cut short
        os.makedirs(folder)
        return name, folder


def rejection(text, limit=REJECTED_LIMIT):
    """The compiler's first error as `line N: message`, without its paths; else
    the last line it wrote."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        found = ERROR_LINE.match(line)
        if found:
            return ("line %s: %s" % (found.group(1), found.group(3)))[:limit]
    for line in reversed(lines):
        if "Error" in line or "error" in line:
            return line[:limit]
    return (lines[-1] if lines else "rejected, with no message")[:limit]


def host_rejects(source):
    """What the host CPython's own compiler says of the source (None: it compiles)."""
    try:
        compile(source, "case.py", "exec", dont_inherit=True)
        return None
    except SyntaxError as error:
        return "line %s: %s" % (error.lineno, error.msg)
    except (ValueError, OverflowError, RecursionError, MemoryError) as error:
        return "%s: %s" % (type(error).__name__, error)


def run(command, cwd, env=None):
    """(ok, output) of a compiler run; its output is kept to explain a rejection."""
    merged = dict(os.environ, **(env or {}))
    done = subprocess.run(command, cwd=cwd, env=merged, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return done.returncode == 0, done.stdout.decode("utf-8", "replace")


def so_suffix():
    return sysconfig.get_config_var("EXT_SUFFIX") or ".so"


# Cython: one process translates every source of the batch (Cython's own start-up
# is most of a small case's time), then gcc builds one module per source.
def build_cython(cache, todo, jobs):
    from Cython.Compiler import Errors, Main, Options

    include = sysconfig.get_paths()["include"]
    work = tempfile.mkdtemp(prefix="cython-", dir=cache.root)
    translated = []
    for sha, source in todo:
        folder = os.path.join(work, sha)
        os.makedirs(folder)
        path = os.path.join(folder, "__main__.py")
        with open(path, "w", encoding="utf-8") as file:
            file.write(source)
        # A name never bound, or read before it is, is Python's NameError or
        # UnboundLocalError when (if ever) that line runs; Cython's defaults make
        # them compile errors, so that the case would never run at all.
        Options.error_on_unknown_names = False
        Options.error_on_uninitialized = False
        options = Main.CompilationOptions(Main.default_options, language_level=3, output_file=path[:-3] + ".c")
        errors, saved = io.StringIO(), sys.stderr
        sys.stderr = errors
        try:
            ok = Main.compile_single(path, options, full_module_name="__main__").num_errors == 0
        except (Errors.CompileError, Errors.AbortError, Errors.InternalError, Exception) as error:
            ok = False
            print("%s: %s" % (type(error).__name__, error), file=errors)
        finally:
            sys.stderr = saved
            Errors.reset()
        if ok:
            translated.append((sha, source, folder))
        else:
            cache.put(sha, source, {"rejected": rejection(errors.getvalue())})

    def gcc(item):
        sha, source, folder = item
        c_file = os.path.join(folder, "__main__.c")
        target = os.path.join(cache.entries, sha, "__main__" + so_suffix())
        os.makedirs(os.path.dirname(target), exist_ok=True)
        ok, output = run(["gcc", "-shared", "-fPIC", "-O0", "-g0", "-w", "-I" + include, c_file, "-o", target], folder)
        if ok:
            cache.put(sha, source, {"module": "__main__", "file": target})
        else:
            cache.put(sha, source, {"rejected": "gcc: " + rejection(output)})

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(gcc, translated))
    shutil.rmtree(work, ignore_errors=True)


# Nuitka and mypyc: a batch is one compiler run over many modules (Nuitka: one
# package; mypyc: one group), which costs about what one module alone does. A
# module there cannot be called __main__, so it is m_<sha>, and the probe names it
# __main__ in what it reports (docs/compiled.md). A source the host's compiler
# rejects, or one the batch run fails on, is compiled alone, so that its rejection
# is its own.
def module_name(sha):
    return "m_" + sha[:24]


def build_batches(cache, todo, jobs, compile_batch):
    alone, batch = [], []
    for sha, source in todo:
        (alone if host_rejects(source) else batch).append((sha, source))
    failed = compile_batch(cache, batch, jobs) if batch else []
    for item in alone + failed:
        for failure in compile_batch(cache, [item], jobs, alone=True):
            sha, source = failure[:2]
            cache.put(sha, source, {"rejected": failure[2]})


def write_modules(folder, items, prefix=""):
    for sha, source in items:
        with open(os.path.join(folder, prefix + module_name(sha) + ".py"), "w", encoding="utf-8") as file:
            file.write(source)


def nuitka_batch(cache, items, jobs, alone=False):
    """Compiles items into one package; returns the items it could not, with why
    when alone (else to be retried alone)."""
    name, folder = cache.batch_dir(sha for sha, _ in items)
    package = "cc_" + name
    source_dir = os.path.join(folder, "src")
    os.makedirs(os.path.join(source_dir, package))
    open(os.path.join(source_dir, package, "__init__.py"), "w").close()
    write_modules(os.path.join(source_dir, package), items)
    command = [sys.executable, "-m", "nuitka", "--module", package, "--include-package=" + package, "--output-dir=" + folder, "--remove-output", "--nofollow-imports", "--quiet", "--jobs=%d" % jobs]
    ok, output = run(command, source_dir)
    built = os.path.join(folder, package + so_suffix())
    if not ok or not os.path.isfile(built):
        shutil.rmtree(folder, ignore_errors=True)
        return [(sha, source, "nuitka: " + rejection(output)) for sha, source in items] if alone else list(items)
    shutil.rmtree(source_dir, ignore_errors=True)
    for sha, source in items:
        cache.put(sha, source, {"module": package + "." + module_name(sha), "path": folder})
    return []


def mypyc_batch(cache, items, jobs, alone=False):
    """mypyc compiles only code that type-checks: mypy first, over the whole batch
    (one run, errors by file), then mypyc over the modules it accepted."""
    name, folder = cache.batch_dir(sha for sha, _ in items)
    write_modules(folder, items)
    files = [module_name(sha) + ".py" for sha, _ in items]
    ok, output = run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null", "--no-error-summary", "--show-traceback"] + files, folder)
    by_file = {}
    for line in output.splitlines():
        head = line.split(":", 1)[0]
        if head in files and ": error:" in line:
            by_file.setdefault(head, []).append(line)
    rejected = [(sha, source, "mypy: " + rejection("\n".join(by_file[f]))) for (sha, source), f in zip(items, files) if f in by_file]
    accepted = [(item, f) for item, f in zip(items, files) if f not in by_file]
    if not ok and not by_file:  # mypy failed without saying where
        rejected = [(sha, source, "mypy: " + rejection(output)) for sha, source in items]
        accepted = []
    for sha, source, why in rejected:
        cache.put(sha, source, {"rejected": why})
    if accepted:
        ok, output = run([sys.executable, "-m", "mypyc"] + [f for _, f in accepted], folder, {"MYPYC_OPT_LEVEL": "0", "MYPYC_DEBUG_LEVEL": "0"})
        if not ok:
            if alone:
                (sha, source), _ = accepted[0]
                return [(sha, source, "mypyc: " + rejection(output))]
            return [item for item, _ in accepted]
        shutil.rmtree(os.path.join(folder, "build"), ignore_errors=True)
        for (sha, source), _ in accepted:
            cache.put(sha, source, {"module": module_name(sha), "path": folder})
    return []


def main():
    compiler, root, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(sys.argv[4], encoding="utf-8") as file:
        sources = json.load(file)
    cache = Cache(root)

    def missing():
        todo, seen = [], set()
        for source in sources:
            sha = key(source)
            if sha not in seen and not cache.has(sha):
                seen.add(sha)
                todo.append((sha, source))
        return todo

    started = time.monotonic()
    todo = missing()
    if todo:  # only a build takes the cache's lock: a run that finds everything never waits
        import fcntl

        lock = open(os.path.join(root, ".lock"), "a")
        fcntl.flock(lock, fcntl.LOCK_EX)
        todo = missing()  # what another build made meanwhile is not made again
    if todo:
        if compiler == "cython":
            build_cython(cache, todo, jobs)
        elif compiler == "nuitka":
            build_batches(cache, todo, jobs, nuitka_batch)
        elif compiler == "mypyc":
            build_batches(cache, todo, jobs, mypyc_batch)
        else:
            sys.exit("unknown compiler %r" % compiler)
    missing = [sha for sha, _ in todo if not cache.has(sha)]
    if missing:
        sys.exit("%d sources got no entry" % len(missing))
    print(json.dumps({"compiled": len(todo), "cached": len(sources) - len(todo), "seconds": round(time.monotonic() - started, 3)}))


if __name__ == "__main__":
    main()
