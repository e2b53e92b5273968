//! Builds the corpus into the binary, so that an installed `closure-conformance`
//! runs from any directory (src/corpus.rs): every file under `cases/`, `expected/`
//! and `docs/` but hidden ones (editor files, a killed regen's temporaries), as
//! `$OUT_DIR/corpus.rs`, a sorted list of `(path, include_bytes!(…))` and a hash
//! of all of them that names the extracted copy.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folders of the repository that make the corpus, in the order written out.
const FOLDERS: [&str; 3] = ["cases", "expected", "docs"];

/// Deeper than this is a symlink loop, not a corpus.
const MAX_DEPTH: usize = 16;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    for folder in FOLDERS {
        println!("cargo:rerun-if-changed={folder}");
        collect(&manifest, &manifest.join(folder), 0, &mut files);
    }
    files.sort();
    let mut hash = Fnv::new();
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        hash.add(name.as_bytes());
        hash.add(&(bytes.len() as u64).to_le_bytes());
        hash.add(&bytes);
        let _ = writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let _ = writeln!(code, "pub const HASH: &str = \"{:016x}\";", hash.0);
    std::fs::write(out.join("corpus.rs"), code).expect("OUT_DIR is writable");
}

/// Every file under `dir` (following symlinks), as `(path relative to the manifest,
/// absolute path)`. A name that is not UTF-8 cannot be embedded: a warning.
fn collect(manifest: &Path, dir: &Path, depth: usize, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    assert!(depth < MAX_DEPTH, "{}: nested too deep", dir.display());
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            collect(manifest, &path, depth + 1, files);
        } else if meta.is_file() {
            let relative = path.strip_prefix(manifest).expect("under the manifest");
            match relative.to_str() {
                Some(text) => files.push((text.to_string(), path.clone())),
                None => println!(
                    "cargo:warning=not embedded (name not UTF-8): {}",
                    path.display()
                ),
            }
        }
    }
}

/// FNV-1a, 64 bits: the same on every build of the same files.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
