//! Pending changes: what `regen --pending` and `accept --pending` would have
//! written, kept beside the real file as `<file>.pending` until `review` accepts it
//! (the real file becomes it, byte for byte) or rejects it (it is deleted). Every
//! write is atomic (`atomic_file::write_atomically`).

use crate::atomic_file::write_atomically;
use std::path::{Path, PathBuf};

/// What a pending file's name ends with.
pub const SUFFIX: &str = ".pending";

/// `<path>.pending`.
pub fn path_of(real: &Path) -> PathBuf {
    let mut name = real.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// Whether `path` is a pending change (never a golden nor an expectations file).
pub fn is_pending(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(SUFFIX))
}

/// Writes `text` as the new content of `real`: into `real` itself, dropping any
/// pending change it had (this write supersedes it), or with `pending` into
/// `<real>.pending`.
pub fn write(real: &Path, text: &str, pending: bool) -> std::io::Result<()> {
    if pending {
        write_atomically(&path_of(real), text)
    } else {
        write_atomically(real, text)?;
        discard(real)
    }
}

/// Removes the pending change of `real`, if it has one (a run that found `real`
/// current makes it stale).
pub fn discard(real: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path_of(real)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Makes the pending change of `real` its content (keeping `real`'s mode, as a
/// direct write does), then removes the pending file.
pub fn accept(real: &Path) -> std::io::Result<()> {
    let text = std::fs::read_to_string(path_of(real))?;
    write_atomically(real, &text)?;
    std::fs::remove_file(path_of(real))
}

/// Every pending file under `dir` (none if it does not exist), in path order,
/// as the real file each would replace.
pub fn under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_pending(e.path()))
        .filter(|e| !crate::atomic_file::is_temporary(e.path()))
        .filter_map(|e| {
            let name = e.path().to_str()?.strip_suffix(SUFFIX)?.to_string();
            Some(PathBuf::from(name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_write_leaves_the_file_until_accepted_and_a_direct_one_drops_it() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("t/a.txt");
        write(&real, "old\n", false).unwrap();
        write(&real, "new\n", true).unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "old\n");
        assert_eq!(under(dir.path()), std::slice::from_ref(&real));
        accept(&real).unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new\n");
        assert!(under(dir.path()).is_empty());
        write(&real, "newer\n", true).unwrap();
        write(&real, "direct\n", false).unwrap();
        assert!(under(dir.path()).is_empty());
        discard(&real).unwrap();
        assert!(!is_pending(&real) && is_pending(&path_of(&real)));
    }
}
