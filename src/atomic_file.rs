//! Writing a file atomically (a temporary beside it, renamed over it), and
//! finding the temporaries that writers which died left behind.

use std::ffi::{OsStr, OsString};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Temporaries get distinct names within this process.
static TEMPORARIES: AtomicUsize = AtomicUsize::new(0);

/// Where `write_atomically` first writes `name`: `.<name>.tmp-<pid>-<n>`, a name no
/// golden has, that says which process wrote it.
fn temporary_name(name: &OsStr, pid: u32, n: usize) -> OsString {
    let mut temporary = OsString::from(".");
    temporary.push(name);
    temporary.push(format!(".tmp-{pid}-{n}"));
    temporary
}

/// Whether a file name is a temporary of `write_atomically`, and if so the process
/// that wrote it when the name says (`.<name>.tmp-<pid>-<n>`; the `.tmpXXXXXX` names
/// of earlier versions do not).
fn temporary_writer(file_name: &OsStr) -> Option<Option<u32>> {
    let name = file_name.to_str()?;
    if let Some(legacy) = name.strip_prefix(".tmp") {
        if legacy.len() == 6 && legacy.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Some(None);
        }
    }
    let (_, tail) = name.strip_prefix('.')?.rsplit_once(".tmp-")?;
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) {
        return None;
    }
    Some(pid.parse().ok())
}

/// Whether `path` is a temporary of `write_atomically` (finished or not), never a golden.
pub fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| temporary_writer(name).is_some())
}

/// Whether a process is running (or exists and is not ours to signal).
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists; nothing is sent.
    pid > 0
        && (unsafe { libc::kill(pid, 0) } == 0
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM))
}

/// The temporaries under `expected_root` left by a writer that is gone (a regen
/// killed between writing and renaming). Goldens are replaced whole by a rename,
/// so such a file never means a golden was lost; it is only litter.
pub fn stale_temporaries(expected_root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(expected_root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| match temporary_writer(entry.file_name()) {
            Some(Some(pid)) => !running(pid),
            Some(None) => true,
            None => false,
        })
        .map(|entry| entry.into_path())
        .collect()
}

/// Writes `text` to `path` so that readers see the old file or the new one, never a
/// half-written one: a temporary file in the same directory (`.<name>.tmp-<pid>-<n>`,
/// which `stale_temporaries` recognizes if we are killed before the rename), synced,
/// then renamed. The file keeps the mode of the one it replaces; a new one gets
/// 0644 less the umask, like any file a user writes.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        )
    })?;
    std::fs::create_dir_all(dir)?;
    let mode = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions().mode() & 0o7777);
    let (temporary, mut file) = loop {
        let n = TEMPORARIES.fetch_add(1, Ordering::Relaxed);
        let temporary = dir.join(temporary_name(name, std::process::id(), n));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o644)
            .open(&temporary)
        {
            Ok(file) => break (temporary, file),
            // Left by an earlier process with our pid: take the next name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let written = (|| {
        if let Some(mode) = mode {
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written?;
    // The rename is durable once the directory is synced; failing that is no error.
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t/c.txt");
        write_atomically(&path, "old\n").unwrap();
        write_atomically(&path, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(std::fs::read_dir(dir.path().join("t")).unwrap().count(), 1);
    }

    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn new_goldens_get_the_usual_mode_and_old_ones_keep_theirs() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t/c.txt");
        write_atomically(&path, "new\n").unwrap();
        // 0644 less the umask: never the 0600 of a private temporary file.
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let umask = status
            .lines()
            .find_map(|line| line.strip_prefix("Umask:"))
            .map(|octal| u32::from_str_radix(octal.trim(), 8).unwrap())
            .unwrap();
        assert_eq!(mode(&path), 0o644 & !umask);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomically(&path, "newer\n").unwrap();
        assert_eq!(mode(&path), 0o664);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "newer\n");
    }

    #[test]
    fn temporaries_are_recognized_and_only_dead_writers_are_stale() {
        let name = temporary_name(OsStr::new("c.txt"), 42, 7);
        assert_eq!(name, ".c.txt.tmp-42-7");
        assert_eq!(temporary_writer(&name), Some(Some(42)));
        assert_eq!(temporary_writer(OsStr::new(".tmpA1b2C3")), Some(None));
        for golden in ["c.txt", "c.tmp-1-2.txt", ".c.txt.tmp-x-1", ".tmpfile-long"] {
            assert_eq!(temporary_writer(OsStr::new(golden)), None, "{golden}");
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("t")).unwrap();
        let ours = dir.path().join("t").join(temporary_name(
            OsStr::new("a.txt"),
            std::process::id(),
            1 << 40,
        ));
        // Pids never exceed 2^22 on Linux: this writer cannot be running.
        let dead = dir.path().join("t/.b.txt.tmp-99999999-0");
        let legacy = dir.path().join("t/.tmpXyZ123");
        for path in [&ours, &dead, &legacy, &dir.path().join("t/c.txt")] {
            std::fs::write(path, "x").unwrap();
        }
        assert!(is_temporary(&ours) && !is_temporary(&dir.path().join("t/c.txt")));
        assert_eq!(stale_temporaries(dir.path()), [dead, legacy]);
    }
}
