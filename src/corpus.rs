//! The corpus built into the binary (build.rs embeds `cases/`, `expected/` and
//! `docs/`), so that an installed `closure-conformance` runs from any directory.
//!
//! A command uses it when no `--root` is given and the working directory holds no
//! `cases/`. It is extracted once per content into the cache, `<home>/corpus/<hash>`
//! (a complete copy or none: written beside it, then renamed into place), checked
//! against the built-in bytes at every use and put back when it differs, and marked
//! by a file of its own so that commands that would change it refuse. `write_out`
//! copies it to a directory of one's own, to add cases and run with `--root`.

use std::path::{Path, PathBuf};

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

/// The file that marks an extracted built-in corpus; it holds the corpus's hash.
pub const MARKER: &str = ".closure-conformance-built-in";

/// What a command that would change the built-in corpus says instead.
pub const REFUSAL: &str =
    "this is the corpus built into closure-conformance, which cannot be changed: \
     write it out with `closure-conformance corpus --write DIR` and pass `--root DIR`";

/// Where a command's corpus is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    /// The directory holding `cases/` and `expected/`.
    pub path: PathBuf,
    /// Whether it is the built-in corpus (extracted).
    pub built_in: bool,
}

/// The corpus to use: `explicit` (`--root`) when given; else the working directory
/// (as `.`) when it holds `cases/`; else the built-in corpus, extracted under `home`.
pub fn resolve(explicit: Option<&Path>, home: &Path) -> Result<Root, String> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None if Path::new("cases").is_dir() => PathBuf::from("."),
        None => extract(home)?,
    };
    let built_in = is_built_in(&path);
    Ok(Root { path, built_in })
}

/// Whether `root` is an extracted built-in corpus.
pub fn is_built_in(root: &Path) -> bool {
    root.join(MARKER).is_file()
}

/// Err(`REFUSAL`) when `root` is the built-in corpus: for commands that write into it.
pub fn refuse_changes(root: &Path) -> Result<(), String> {
    match is_built_in(root) {
        true => Err(REFUSAL.to_string()),
        false => Ok(()),
    }
}

/// What a report names as the corpus's commit when it is the built-in one: its
/// content hash, `<hash>+built-in`.
pub fn label(root: &Path) -> Option<String> {
    is_built_in(root).then(|| format!("{}+built-in", built_in::HASH))
}

/// The hash of the built-in corpus's paths and contents.
pub fn hash() -> &'static str {
    built_in::HASH
}

/// How many cases (`cases/**.py`) and goldens (`expected/**.txt`) are built in.
pub fn counts() -> (usize, usize) {
    let count = |folder: &str, ext: &str| {
        built_in::FILES
            .iter()
            .filter(|(name, _)| name.starts_with(folder) && name.ends_with(ext))
            .count()
    };
    (count("cases/", ".py"), count("expected/", ".txt"))
}

/// The folders the corpus is made of (`cases`, `expected`, `docs`).
fn folders() -> Vec<&'static str> {
    let mut folders: Vec<&str> = built_in::FILES
        .iter()
        .filter_map(|(name, _)| name.split('/').next())
        .collect();
    folders.dedup();
    folders
}

/// Writes the built-in corpus into `dir` (made if missing), for a corpus of one's
/// own; refuses when `dir` already has one of its folders. Returns the file count.
pub fn write_out(dir: &Path) -> Result<usize, String> {
    for folder in folders() {
        let path = dir.join(folder);
        if path.symlink_metadata().is_ok() {
            return Err(format!(
                "{} exists: write the corpus into a new directory",
                path.display()
            ));
        }
    }
    write_files(dir, false)
        .map_err(|e| format!("cannot write the corpus to {}: {e}", dir.display()))
}

/// The extracted built-in corpus under `home`, extracting it when it is missing or
/// differs from the built-in bytes.
pub fn extract(home: &Path) -> Result<PathBuf, String> {
    let base = home.join("corpus");
    let dir = base.join(built_in::HASH);
    if matches(&dir) {
        return Ok(dir);
    }
    let fail = |e: std::io::Error| {
        format!(
            "cannot extract the built-in corpus to {}: {e} (pass --root DIR)",
            dir.display()
        )
    };
    std::fs::create_dir_all(&base).map_err(fail)?;
    let unique = format!(
        ".{}-{}-{}",
        built_in::HASH,
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let fresh = base.join(&unique);
    let made = write_files(&fresh, true)
        .and_then(|_| std::fs::write(fresh.join(MARKER), built_in::HASH))
        .map_err(fail);
    if let Err(why) = made {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(why);
    }
    if std::fs::rename(&fresh, &dir).is_err() {
        // Another process put one in place first, or a changed copy is in the way.
        if matches(&dir) {
            let _ = std::fs::remove_dir_all(&fresh);
            return Ok(dir);
        }
        let aside = base.join(format!("{unique}-old"));
        let swapped = std::fs::rename(&dir, &aside).and_then(|()| std::fs::rename(&fresh, &dir));
        let _ = std::fs::remove_dir_all(&aside);
        if let Err(e) = swapped {
            let _ = std::fs::remove_dir_all(&fresh);
            return Err(fail(e));
        }
    }
    Ok(dir)
}

/// Whether `dir` holds exactly the built-in corpus: its marker, every file with the
/// built-in bytes, and no other file (hidden ones aside).
fn matches(dir: &Path) -> bool {
    if std::fs::read(dir.join(MARKER)).ok().as_deref() != Some(built_in::HASH.as_bytes()) {
        return false;
    }
    let same = built_in::FILES
        .iter()
        .all(|(name, bytes)| std::fs::read(dir.join(name)).ok().as_deref() == Some(*bytes));
    let visible_files = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."))
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .count();
    same && visible_files == built_in::FILES.len()
}

/// Writes every built-in file under `dir`; `read_only` makes them 0444.
fn write_files(dir: &Path, read_only: bool) -> std::io::Result<usize> {
    use std::os::unix::fs::PermissionsExt;
    for (name, bytes) in built_in::FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
        if read_only {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444))?;
        }
    }
    Ok(built_in::FILES.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_once_and_puts_back_a_changed_copy() {
        let home = tempfile::tempdir().unwrap();
        let dir = extract(home.path()).unwrap();
        assert_eq!(dir, home.path().join("corpus").join(hash()));
        assert!(matches(&dir) && is_built_in(&dir));
        assert_eq!(label(&dir), Some(format!("{}+built-in", hash())));
        let (cases, goldens) = counts();
        assert!(cases > 0 && goldens > 0);
        // A case changed by hand, or one added, is not the built-in corpus.
        let (name, _) = built_in::FILES
            .iter()
            .find(|(n, _)| n.ends_with(".py"))
            .unwrap();
        std::fs::remove_file(dir.join(name)).unwrap();
        std::fs::write(dir.join(name), "print('changed')\n").unwrap();
        assert!(!matches(&dir));
        assert_eq!(extract(home.path()).unwrap(), dir);
        assert!(matches(&dir));
        std::fs::write(dir.join("cases/extra.py"), "print(1)\n").unwrap();
        assert!(!matches(&dir));
        extract(home.path()).unwrap();
        assert!(matches(&dir));
        // Nothing is left beside it.
        let left: Vec<_> = std::fs::read_dir(home.path().join("corpus"))
            .unwrap()
            .collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn writes_out_into_a_new_directory_only() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("mine");
        assert_eq!(write_out(&dir).unwrap(), built_in::FILES.len());
        assert!(!is_built_in(&dir));
        assert!(refuse_changes(&dir).is_ok());
        let again = write_out(&dir).unwrap_err();
        assert!(
            again.ends_with("cases exists: write the corpus into a new directory"),
            "{again}"
        );
    }

    #[test]
    fn refuses_changes_to_the_built_in_corpus() {
        let home = tempfile::tempdir().unwrap();
        let dir = extract(home.path()).unwrap();
        assert_eq!(refuse_changes(&dir), Err(REFUSAL.to_string()));
        let given = resolve(Some(&dir), home.path()).unwrap();
        assert!(given.built_in);
    }
}
