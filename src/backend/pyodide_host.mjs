// closure-conformance: serve the probe protocol from CPython compiled to WebAssembly.
//
// Run by the pyodide backend as `node --input-type=module -e <this file>` with
// CLOSURE_CONFORMANCE_PYODIDE (an installed pyodide package folder) and
// CLOSURE_CONFORMANCE_PROBE (the source of src/probe.py) in the environment.
// It loads Pyodide once, defines the probe, unchanged, as a module named `probe`,
// then answers each request line on stdin with one response line on stdout, as
// `probe.py --serve` does on a native interpreter. Whatever Python writes to the
// real stdout or stderr goes to our stderr, never into the protocol.
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

const probe = pyodide.runPython("import types\ntypes.ModuleType('probe')");
pyodide.runPython(probeSource, { globals: probe.__dict__ });
const handle = probe.handle_request;
const hello = JSON.parse(probe.hello_line());
hello.build = "pyodide " + pyodide.version;

const write = (line) => process.stdout.write(line + "\n");
write(JSON.stringify(hello));
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  write(handle(line));
}
