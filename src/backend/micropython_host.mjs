// closure-conformance: serve the probe protocol from MicroPython compiled to
// WebAssembly (npm @micropython/micropython-webassembly-pyscript).
//
// Run by the micropython backend after wasm_seal.mjs (the memory snapshot, the
// memory cap, the checks of JavaScript's state and the protocol loop it shares
// with Pyodide's host), with CLOSURE_CONFORMANCE_MICROPYTHON (the installed
// package folder) and CLOSURE_CONFORMANCE_PROBE (src/probe.py) in the
// environment. The probe is the same file, cut down where MicroPython must
// (docs/protocol.md, "MicroPython"): it is imported as the module `probe`, and
// each case runs in the interpreter's own `__main__`, emptied first. MicroPython's
// sys.stdout cannot be rebound, so the host captures what the interpreter writes
// to its stdout and stderr while the case runs, and puts it in the observation.
//
// MicroPython's own part of the seal: its `js` module is JavaScript's global
// object; after loading it is an empty, frozen object instead. A case that makes
// JavaScript proxies (jsffi) changes tables that live outside the memory, so the
// worker is replaced after it.
import path from "node:path";
import { pathToFileURL } from "node:url";

const packageDir = process.env.CLOSURE_CONFORMANCE_MICROPYTHON;
if (!packageDir || !probeSource) {
  stderrWrite("micropython host: CLOSURE_CONFORMANCE_MICROPYTHON and CLOSURE_CONFORMANCE_PROBE must be set\n");
  process.exit(2);
}
// Bytes of output kept per stream (the probe's limit, in characters, elsewhere): a
// case that writes more is interrupted, as the probe's capped streams raise
// OutputLimitExceeded into it on other interpreters.
const OUTPUT_LIMIT = 1 << 20;
const LIMIT_EXCEPTION = { type: "probe.OutputLimitExceeded", message: `output limit of ${OUTPUT_LIMIT} characters exceeded` };
// MicroPython's heap grows by malloc as needed; it starts at this size.
const HEAP = 4 << 20;

// The instance's memory is not exported by the package: taken as it is made.
let memoryObject = null;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const made = await apply(instantiate, WebAssembly, args);
  const exports = (made.instance ?? made).exports;
  if (exports?.memory instanceof WebAssembly.Memory) memoryObject = exports.memory;
  return made;
};
const { loadMicroPython } = await import(pathToFileURL(path.join(packageDir, "micropython.mjs")).href);
const output = { out: [], err: [], over: false };
let interrupt = () => {};
const writer = (stream) => (bytes) => {
  const kept = output[stream];
  for (let i = 0; i < bytes.length && kept.length < OUTPUT_LIMIT; i++) kept.push(bytes[i]);
  if (kept.length + bytes.length > OUTPUT_LIMIT) {
    output.over = true;
    interrupt(); // a KeyboardInterrupt at MicroPython's next check, as a BaseException
  }
};
const mp = await loadMicroPython({
  heapsize: HEAP,
  linebuffer: false,
  stdout: writer("out"),
  stderr: writer("err"),
});
interrupt = mp._module._mp_sched_keyboard_interrupt;
WebAssembly.instantiate = instantiate;
if (!memoryObject) {
  stderrWrite("micropython host: cannot find MicroPython's WebAssembly memory\n");
  process.exit(2);
}

// `js` is proxy 0 of MicroPython's table of JavaScript objects: the global object.
const table = globalThis.proxy_js_ref;
const tableMap = globalThis.proxy_js_ref_map;
const nothing = Object.freeze(Object.create(null));
tableMap.delete(table[0]);
table[0] = nothing;
tableMap.set(nothing, 0);
const neutered = table[0] === nothing;

mp.FS.writeFile("/probe.py", probeSource);
mp.runPython("import probe");
mp.FS.unlink("/probe.py");
const probe = mp.pyimport("probe");
const observeJson = probe.observe_json;
const hello = parse(probe.hello_line());
hello.build = "micropython-webassembly-pyscript " + hello.implementation_version;
hello.isolation = "snapshot";
mp.runPython("import gc\ngc.collect()\ndel gc");

// The JavaScript side of the proxies, as it was before the first case.
const proxies = () =>
  [table.length, globalThis.proxy_js_ref_next, tableMap.size, globalThis.proxy_js_map.size, globalThis.proxy_js_existing.length].join();
const proxiesBefore = proxies();

const decoder = new TextDecoder();
const text = (bytes) => decoder.decode(new Uint8Array(bytes));
/// One program run as a case: the probe's observation with the captured output.
const observeOne = (pathName, source, execute) => {
  output.out = [];
  output.err = [];
  output.over = false;
  const observation = parse(observeJson(pathName, source, execute));
  if (output.over && observation.exception?.type === "KeyboardInterrupt") observation.exception = LIMIT_EXCEPTION;
  observation.stdout = text(output.out);
  observation.stderr = text(output.err);
  return observation;
};
/// The probe's response line for a request (as `respond_in_process` writes it).
const respond = (line) => {
  let id = null;
  try {
    const request = parse(line);
    id = request.id;
    let response;
    if (Array.isArray(request.programs)) {
      const observations = request.programs.map((program) => observeOne(request.path, program, request.mode !== "compile"));
      response = { id, observations };
    } else {
      response = { id, observation: observeOne(request.path, request.source, true) };
    }
    if (proxies() !== proxiesBefore) response.replace = "the case made JavaScript proxies";
    return stringify(response).slice(0, -1) + ', "responder": ""}';
  } catch (error) {
    const fault = "probe error: " + String(error?.message ?? error).split("\n")[0];
    return stringify({ id, fault }).slice(0, -1) + ', "responder": ""}';
  }
};

await serve({
  memoryObject,
  FS: mp.FS,
  respond,
  hello,
  guards: neutered ? ["empty-js-module"] : [],
  terminals: true,
});
