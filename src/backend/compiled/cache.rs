//! The compiled modules' cache, on the runner's side: before a compiled backend
//! runs a case, every case of its topic that this process has not seen built is
//! handed to the build driver (`build.py`, in the compilers' virtual environment),
//! which compiles what its cache lacks — a topic in one compiler run where the
//! compiler allows it — and skips the rest. The cache is keyed by the compiler's
//! version, the host's version (the directory) and the SHA-256 of the source (the
//! entry), so a rerun compiles nothing. The compilers only read a case; nothing
//! here runs one: the worker imports the module, in the sandbox.

use crate::process::run_with_timeout;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// The build driver.
pub const DRIVER: &str = include_str!("build.py");

/// The longest one build may take (Nuitka, a topic, on a loaded machine: minutes).
const BUILD_TIMEOUT: Duration = Duration::from_secs(3600);

/// A compiler's cache and the interpreter that runs its driver.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cache {
    pub compiler: &'static str,
    pub dir: PathBuf,
    pub python: PathBuf,
}

/// The sources known built in this process, by cache directory.
fn built() -> &'static Mutex<HashMap<PathBuf, HashSet<u64>>> {
    static BUILT: OnceLock<Mutex<HashMap<PathBuf, HashSet<u64>>>> = OnceLock::new();
    BUILT.get_or_init(Default::default)
}

/// One build at a time in this process (and, by the driver's file lock, on the machine).
fn building() -> &'static Mutex<()> {
    static BUILDING: OnceLock<Mutex<()>> = OnceLock::new();
    BUILDING.get_or_init(Default::default)
}

/// FNV-1a, 64 bits: a hash that stays the same across builds of this tool.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn fingerprint(source: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    hasher.finish()
}

impl Cache {
    fn known(&self, source: &str) -> bool {
        let built = built().lock().unwrap_or_else(|e| e.into_inner());
        built
            .get(&self.dir)
            .is_some_and(|set| set.contains(&fingerprint(source)))
    }

    /// Makes sure `source` has an entry (a module, or the compiler's rejection),
    /// building with it the sources of `siblings` (the other cases of its topic)
    /// that this process has not seen built.
    pub fn ensure(&self, source: &str, siblings: &[String]) -> Result<(), String> {
        if self.known(source) {
            return Ok(());
        }
        let _one = building().lock().unwrap_or_else(|e| e.into_inner());
        if self.known(source) {
            return Ok(()); // built by another thread meanwhile
        }
        let mut batch: Vec<&str> = vec![source];
        batch.extend(
            siblings
                .iter()
                .map(String::as_str)
                .filter(|s| *s != source && !self.known(s)),
        );
        self.build(&batch)?;
        let mut built = built().lock().unwrap_or_else(|e| e.into_inner());
        let set = built.entry(self.dir.clone()).or_default();
        set.extend(batch.iter().map(|s| fingerprint(s)));
        Ok(())
    }

    /// Runs the driver over `sources`; it takes the cache's lock itself, and only
    /// when something is to be compiled.
    fn build(&self, sources: &[&str]) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| format!("cannot create {}: {e}", self.dir.display()))?;
        let list = tempfile::Builder::new()
            .prefix(".sources-")
            .suffix(".json")
            .tempfile_in(&self.dir)
            .map_err(|e| format!("cannot write in {}: {e}", self.dir.display()))?;
        let json = serde_json::to_string(sources).map_err(|e| e.to_string())?;
        std::fs::write(list.path(), json)
            .map_err(|e| format!("cannot write {}: {e}", list.path().display()))?;
        let jobs = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut command = Command::new(&self.python);
        command
            .args(["-I", "-c", DRIVER, self.compiler])
            .arg(&self.dir)
            .arg(jobs.to_string())
            .arg(list.path());
        run_with_timeout(&mut command, BUILD_TIMEOUT)
            .map(|_| ())
            .map_err(|why| format!("{} could not build the case: {why}", self.compiler))
    }
}

/// The sources of the other cases in the folder of `case` (its topic), read as
/// they are on disk; none where there is no such folder.
pub fn siblings(case: &Path) -> Vec<String> {
    let Some(folder) = case.parent() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p != case && p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
