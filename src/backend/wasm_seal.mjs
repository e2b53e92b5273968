// closure-conformance: what the hosts of interpreters compiled to WebAssembly
// share (pyodide_host.mjs, micropython_host.mjs). The runner runs
// `node <seal flags> --input-type=module -e <this file, then the host>`; the host
// loads its interpreter, then calls `serve` with the interpreter's memory, its
// file system, its hello and a function that runs one request line.
//
// Isolation. WebAssembly cannot fork, but all of the interpreter's state (every
// module, class, C static and the allocator itself) lives in its linear memory.
// After start-up the host copies that memory once; after every case it copies it
// back (and zeroes what the case grew), so each case starts from the same bytes
// whatever ran before. What lives outside that memory is JavaScript's: the
// working directory is put back; files written, descriptors left open, timers
// left pending and changed JavaScript built-ins cannot be, so the response asks
// the runner to replace the worker.
//
// The seal (docs/protocol.md, "Pyodide's seal"). Node runs with its permission
// model (reads only under the package; no writes, child processes, workers or
// native addons) and without code generation from strings, so no JavaScript
// reached from Python can evaluate source to find the global object. The token,
// the response channel and everything the host calls after a case were captured
// here, before the interpreter was loaded and before any case ran. The memory
// cap is the memory's own `grow`: growing past the running case's cap fails (a
// MemoryError in the case), and a case that needed more, or left the memory
// larger than its cap, fails with "memory limit exceeded".
import { createInterface } from "node:readline";

const apply = Reflect.apply;
const stringify = JSON.stringify;
const parse = JSON.parse;
const endsWith = String.prototype.endsWith;
const slice = String.prototype.slice;
const typedSet = Object.getPrototypeOf(Uint8Array.prototype).set;
const typedFill = Object.getPrototypeOf(Uint8Array.prototype).fill;
const typedSlice = Object.getPrototypeOf(Uint8Array.prototype).slice;
const bufferOf = Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, "buffer").get;
const byteLengthOf = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
const growMemory = WebAssembly.Memory.prototype.grow;
const Bytes = Uint8Array;
const stdoutWrite = process.stdout.write.bind(process.stdout);
const stderrWrite = process.stderr.write.bind(process.stderr);

const probeSource = process.env.CLOSURE_CONFORMANCE_PROBE;
const token = process.env.CLOSURE_CONFORMANCE_TOKEN ?? "";
delete process.env.CLOSURE_CONFORMANCE_TOKEN;

// The memory cap of the running case, in bytes, and the largest size refused.
const PAGE = 65536;
let cap = Infinity;
let refused = 0;
const sizeOf = (memory) => apply(byteLengthOf, apply(bufferOf, memory, []), []);

// The JavaScript built-ins a case can still reach (from any object it converts:
// `to_js([]).constructor` is Array, and so on), as they were before the first
// case: every own property of each, and its prototype and extensibility. A case
// that changed one changed JavaScript for every later case (and for the
// interpreter's own glue code), so the worker is replaced.
const ownKeys = Reflect.ownKeys;
const describe = Reflect.getOwnPropertyDescriptor;
const prototypeOf = Reflect.getPrototypeOf;
const isExtensible = Reflect.isExtensible;
const same = Object.is;
const BUILTIN_NAMES = [
  "Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Boolean", "String", "Symbol",
  "Date", "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError",
  "SyntaxError", "TypeError", "URIError", "JSON", "Math", "Intl", "ArrayBuffer", "Atomics", "Uint8Array",
  "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
  "Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap",
  "WeakSet", "Proxy", "Reflect", "FinalizationRegistry", "WeakRef", "decodeURI", "decodeURIComponent",
  "encodeURI", "encodeURIComponent", "escape", "unescape", "isFinite", "isNaN", "SharedArrayBuffer",
  "WebAssembly", "TextEncoder", "TextDecoder", "URL", "URLSearchParams",
];
const builtinRoots = () => {
  const roots = [];
  for (const name of BUILTIN_NAMES) if (name in globalThis) roots.push(globalThis[name]);
  roots.push(prototypeOf(function* () {}), prototypeOf(async function () {}), prototypeOf(async function* () {}));
  roots.push(prototypeOf([][Symbol.iterator]()), prototypeOf(new Map().entries()), prototypeOf(new Set().values()));
  roots.push(prototypeOf(""[Symbol.iterator]()), prototypeOf(/a/[Symbol.matchAll]("")));
  return roots;
};
/// Every object reachable from the roots through own properties and prototypes.
const builtinRecord = () => {
  const objects = [];
  const seen = new Set();
  const queue = builtinRoots();
  for (let i = 0; i < queue.length; i++) {
    const object = queue[i];
    if ((typeof object !== "object" && typeof object !== "function") || object === null || seen.has(object)) continue;
    seen.add(object);
    const keys = ownKeys(object);
    const entries = [];
    for (let k = 0; k < keys.length; k++) {
      const d = describe(object, keys[k]);
      entries.push(keys[k], d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
      for (const next of [d.value, d.get, d.set]) if (next !== undefined) queue.push(next);
    }
    const proto = prototypeOf(object);
    queue.push(proto);
    objects.push({ object, proto, extensible: isExtensible(object), entries });
  }
  return objects;
};
const builtinsChangedSince = (builtins) => {
  for (let i = 0; i < builtins.length; i++) {
    const { object, proto, extensible, entries } = builtins[i];
    const keys = ownKeys(object);
    if (prototypeOf(object) !== proto || isExtensible(object) !== extensible || keys.length * 7 !== entries.length) {
      return "the case changed JavaScript's built-in objects";
    }
    for (let k = 0, e = 0; k < keys.length; k++, e += 7) {
      const d = describe(object, keys[k]);
      if (
        keys[k] !== entries[e] || !same(d.value, entries[e + 1]) || d.get !== entries[e + 2] || d.set !== entries[e + 3] ||
        d.writable !== entries[e + 4] || d.enumerable !== entries[e + 5] || d.configurable !== entries[e + 6]
      ) {
        return "the case changed JavaScript's built-in objects";
      }
    }
  }
  return null;
};

const mebibytes = (bytes) => `${Math.floor(bytes / 1048576)} MiB`;
const RESPONDER = ', "responder": ""}';

/// Serves the protocol: `memoryObject` the interpreter's WebAssembly memory, `FS`
/// its Emscripten file system, `respond(line)` the response line of the probe
/// for one request (ending in `RESPONDER`), `hello` its hello object (protections
/// are added here), `guards` the names of the host's own protections in force.
/// With `terminals`, writing to the streams of descriptors 1 and 2 as they were
/// at start (where MicroPython's print goes, captured by its host) is not a
/// change of files.
const serve = async ({ memoryObject, FS, respond, hello, guards, terminals = false }) => {
  // JavaScript-side state a case can change without touching the interpreter's memory.
  const cwd = FS.cwd();
  const chdir = FS.chdir;
  const streams = FS.streams;
  const output = terminals ? [streams[1], streams[2]] : [];
  let filesChanged = false;
  for (const name of ["write", "mknod", "mkdir", "rename", "rmdir", "unlink", "symlink", "chmod", "truncate", "utime", "ftruncate", "fchmod", "mount", "unmount"]) {
    const original = FS[name];
    if (typeof original === "function") {
      FS[name] = function (...args) {
        if (!(name === "write" && args[0] && output.includes(args[0]))) filesChanged = true;
        return apply(original, this, args);
      };
    }
  }
  const openStreams = () => {
    let open = 0;
    for (let i = 0; i < streams.length; i++) if (streams[i]) open++;
    return open;
  };
  const activeResources = process.getActiveResourcesInfo;
  const timers = () => {
    const kinds = activeResources();
    let pending = 0;
    for (let i = 0; i < kinds.length; i++) if (kinds[i] === "Timeout" || kinds[i] === "Immediate") pending++;
    return pending;
  };
  const baseline = { streams: openStreams(), timers: timers() };

  // The interpreter grows the memory through its `grow` method: the instance's own
  // one refuses to pass the running case's cap (malloc then fails: MemoryError).
  Object.defineProperty(memoryObject, "grow", {
    value: function grow(pages) {
      const wanted = sizeOf(this) + pages * PAGE;
      if (wanted > cap) {
        if (wanted > refused) refused = wanted;
        throw new RangeError("WebAssembly.Memory.grow(): over the case's memory cap");
      }
      return apply(growMemory, this, [pages]);
    },
  });
  const heap = () => new Bytes(apply(bufferOf, memoryObject, []));
  const snapshot = apply(typedSlice, heap(), []);
  const snapshotSize = snapshot.length;
  const restore = () => {
    const bytes = heap();
    apply(typedSet, bytes, [snapshot]);
    if (bytes.length > snapshotSize) apply(typedFill, bytes, [0, snapshotSize]);
  };
  const builtins = builtinRecord();

  /// Why the worker must be replaced after a case, or null.
  const leftovers = () => {
    if (FS.cwd() !== cwd) apply(chdir, FS, [cwd]);
    const changed = filesChanged;
    filesChanged = false;
    if (changed) return "the case changed files in the interpreter's file system";
    if (openStreams() !== baseline.streams) return "the case left files open";
    if (timers() !== baseline.timers) return "the case left JavaScript timers pending";
    return builtinsChangedSince(builtins);
  };

  /// The response line for a request: the probe's, or the memory fault. The token
  /// never enters the interpreter, so no case can learn it.
  const answer = (line) => {
    let request = null;
    try {
      request = parse(line);
    } catch {}
    const limit = typeof request?.memory === "number" ? request.memory : Infinity;
    const caseCap = Math.max(limit, snapshotSize);
    cap = caseCap;
    refused = 0;
    const response = respond(line);
    cap = Infinity;
    const size = sizeOf(memoryObject);
    restore();
    let why = leftovers();
    if (size > snapshotSize) why ??= "the case grew the WebAssembly memory, which never shrinks";
    if (refused > 0 || size > caseCap) {
      const used = Math.max(refused, size);
      const fault = `memory limit exceeded (${mebibytes(used)} used, limit ${mebibytes(limit)})`;
      return stringify({ id: request.id, responder: token, fault, replace: why });
    }
    if (!apply(endsWith, response, [RESPONDER])) {
      return stringify({ id: request?.id ?? null, responder: token, fault: "probe error: malformed response" });
    }
    if (why !== null) {
      const parsed = parse(response);
      parsed.replace ??= why;
      parsed.responder = token;
      return stringify(parsed);
    }
    return apply(slice, response, [0, -RESPONDER.length]) + `, "responder": ${stringify(token)}}`;
  };

  // The seal's protections in force, each checked here as this worker runs (not
  // as it was asked to run), named in the hello as a native worker names its
  // sandbox's: reports list them in backends[].sandbox.
  const sealed = () => {
    const names = [];
    const permission = process.permission;
    if (
      typeof permission?.has === "function" &&
      !permission.has("fs.write") && !permission.has("child") && !permission.has("worker") &&
      !permission.has("fs.read", "/")
    ) {
      names.push("node-permissions");
    }
    try {
      new Function("return 1");
    } catch (error) {
      if (error instanceof EvalError) names.push("no-code-from-strings");
    }
    names.push(...guards);
    if (memoryObject.grow !== growMemory) names.push("memory-cap");
    if (builtins.length > 0) names.push("js-builtins-check");
    return names;
  };
  hello.sandbox = sealed();

  stdoutWrite(stringify(hello) + "\n");
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) stdoutWrite(answer(line) + "\n");
};
