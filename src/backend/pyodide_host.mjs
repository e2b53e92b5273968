// closure-conformance: serve the probe protocol from CPython compiled to WebAssembly.
//
// Run by the pyodide backend after wasm_seal.mjs (the isolation and the seal it
// shares with MicroPython's host), as `node <seal flags> --input-type=module -e
// <wasm_seal.mjs + this file>` with CLOSURE_CONFORMANCE_PYODIDE (an installed
// pyodide package folder) and CLOSURE_CONFORMANCE_PROBE (the source of
// src/probe.py) in the environment. It loads Pyodide once, defines the probe,
// unchanged, as a module named `probe`, then answers each request line on stdin
// with one response line on stdout, as `probe.py --serve` does on a native
// interpreter. Whatever Python writes to the real stdout or stderr goes to our
// stderr, never into the protocol.
//
// Pyodide's own part of the seal: Pyodide gets an empty, frozen object as its
// `js` module, and the Python-side handle on Pyodide's own API (`pyodide_js`) is
// dropped before the first case: what Python can still reach are the objects it
// converts itself and the built-ins behind them (checked after every case).
import path from "node:path";
import { constants as fsConstants } from "node:fs";
import { pathToFileURL } from "node:url";

const packageDir = process.env.CLOSURE_CONFORMANCE_PYODIDE;
if (!packageDir || !probeSource) {
  stderrWrite("pyodide host: CLOSURE_CONFORMANCE_PYODIDE and CLOSURE_CONFORMANCE_PROBE must be set\n");
  process.exit(2);
}

// Emscripten's NODEFS reads the fs flags through process.binding, which the
// permission model refuses; only that one lookup is answered, and only while loading.
const deniedBinding = process.binding;
process.binding = (name) => (name === "constants" ? { fs: fsConstants } : deniedBinding(name));
const { loadPyodide } = await import(pathToFileURL(path.join(packageDir, "pyodide.mjs")).href);
const toStderr = (text) => stderrWrite(text + "\n");
const pyodide = await loadPyodide({
  indexURL: path.resolve(packageDir) + path.sep,
  jsglobals: Object.freeze(Object.create(null)),
  stdout: toStderr,
  stderr: toStderr,
});
pyodide.setStdin({ error: true });
process.binding = deniedBinding;

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
// Python's only handle on Pyodide's API (and through it on Emscripten's module,
// its file systems and Node's streams) goes: what stays is the empty `js`.
pyodide.unregisterJsModule("pyodide_js");
// Checked before the snapshot, so that no case sees what checking left.
const guarded =
  pyodide.runPython(`
sys.meta_path[0] is _NoJavaScript and not any(n.split(".")[0] in _NoJavaScript.blocked for n in sys.modules)
`) === true;
pyodide.runPython("import gc\ngc.collect()\ndel gc");
const respondInProcess = probe.respond_in_process;
const hello = parse(probe.hello_line());
hello.build = "pyodide " + pyodide.version;
hello.isolation = "snapshot";

const module = pyodide._module;
const memoryObject = [module.wasmMemory, module.memory, module.LDSO?.loadedLibsByName?.__main__?.exports?.memory].find(
  (candidate) => candidate instanceof WebAssembly.Memory,
);
if (!memoryObject) {
  stderrWrite("pyodide host: cannot find Pyodide's WebAssembly memory\n");
  process.exit(2);
}
await serve({
  memoryObject,
  FS: pyodide.FS,
  respond: (line) => respondInProcess(line, ""),
  hello,
  guards: guarded ? ["no-js-import"] : [],
});
