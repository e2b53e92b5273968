// closure-conformance: serve the probe protocol from CPython compiled to WebAssembly.
//
// Run by the pyodide backend as `node --input-type=module -e <this file>` with
// CLOSURE_CONFORMANCE_PYODIDE (an installed pyodide package folder) and
// CLOSURE_CONFORMANCE_PROBE (the source of src/probe.py) in the environment.
// It loads Pyodide once, defines the probe, unchanged, as a module named `probe`,
// then answers each request line on stdin with one response line on stdout, as
// `probe.py --serve` does on a native interpreter. Whatever Python writes to the
// real stdout or stderr goes to our stderr, never into the protocol.
//
// Isolation. WebAssembly cannot fork, but all of the interpreter's state (every
// module, class, C static and the allocator itself) lives in its linear memory.
// After start-up the host copies that memory once; after every case it copies it
// back (and zeroes what the case grew), so each case starts from the same bytes
// whatever ran before. What lives outside that memory is JavaScript's: the
// working directory is put back; files written, descriptors left open and timers
// left pending cannot be, so the response asks the runner to replace the worker.
// The `js` and `pyodide` modules are unimportable, so that a case cannot reach
// JavaScript's globals by accident.
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const packageDir = process.env.CLOSURE_CONFORMANCE_PYODIDE;
const probeSource = process.env.CLOSURE_CONFORMANCE_PROBE;
if (!packageDir || !probeSource) {
  process.stderr.write("pyodide host: CLOSURE_CONFORMANCE_PYODIDE and CLOSURE_CONFORMANCE_PROBE must be set\n");
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(path.join(packageDir, "pyodide.mjs")).href);
const toStderr = (text) => process.stderr.write(text + "\n");
const pyodide = await loadPyodide({
  indexURL: path.resolve(packageDir) + path.sep,
  stdout: toStderr,
  stderr: toStderr,
});
pyodide.setStdin({ error: true });

const token = process.env.CLOSURE_CONFORMANCE_TOKEN ?? "";
delete process.env.CLOSURE_CONFORMANCE_TOKEN;

const probe = pyodide.runPython("import types\ntypes.ModuleType('probe')");
pyodide.runPython(probeSource, { globals: probe.__dict__ });
pyodide.runPython(`
import sys

class _NoJavaScript:
    """Cases are Python programs: the bridges to JavaScript are not importable."""

    blocked = ("js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core")

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.split(".")[0] in cls.blocked:
            raise ImportError("No module named %r" % name, name=name)
        return None

for _name in [n for n in sys.modules if n.split(".")[0] in _NoJavaScript.blocked]:
    del sys.modules[_name]
sys.meta_path.insert(0, _NoJavaScript)
del _name
`);
const respond = probe.respond_in_process;
const hello = JSON.parse(probe.hello_line());
hello.build = "pyodide " + pyodide.version;
hello.isolation = "snapshot";

// JavaScript-side state a case can change without touching the interpreter's memory.
const FS = pyodide.FS;
const cwd = FS.cwd();
let filesChanged = false;
for (const name of ["write", "mknod", "mkdir", "rename", "rmdir", "unlink", "symlink", "chmod", "truncate", "utime", "ftruncate", "fchmod"]) {
  const original = FS[name];
  if (typeof original === "function") {
    FS[name] = function (...args) {
      filesChanged = true;
      return original.apply(this, args);
    };
  }
}
const openStreams = () => FS.streams.filter((stream) => stream).length;
const timers = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === "Timeout" || kind === "Immediate").length;
const baseline = { streams: openStreams(), timers: timers() };

const memory = () => pyodide._module.HEAPU8;
const snapshot = memory().slice();
const restore = () => {
  const heap = memory();
  heap.set(snapshot);
  if (heap.length > snapshot.length) heap.fill(0, snapshot.length);
};

/// Why the worker must be replaced after a case, or null.
const leftovers = () => {
  if (FS.cwd() !== cwd) FS.chdir(cwd);
  const changed = filesChanged;
  filesChanged = false;
  if (changed) return "the case changed files in Pyodide's file system";
  if (openStreams() !== baseline.streams) return "the case left files open";
  if (timers() !== baseline.timers) return "the case left JavaScript timers pending";
  return null;
};

const write = (line) => process.stdout.write(line + "\n");
write(JSON.stringify(hello));
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  let response = respond(line, token);
  restore();
  const why = leftovers();
  if (why !== null) {
    const parsed = JSON.parse(response);
    parsed.replace = why;
    response = JSON.stringify(parsed);
  }
  write(response);
}
