//! Where rendered text goes: stdout, or a file written atomically (never half a
//! report in place of a whole one). `main` calls these; the library never prints.

use crate::error::Error;
use std::io::Write as _;
use std::path::Path;

/// Writes `text` to stdout. A reader that has gone (`… | head`) is
/// `Error::ReaderGone`, which `main` turns into a silent exit 141 as Unix tools do;
/// SIGPIPE stays ignored so that a dead worker's pipe can never kill the runner.
/// Any other failure (a full disk) is `Error::Output`: a report cut short must
/// never look like a finished one.
pub fn stdout(text: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .map_err(write_error)
}

/// Writes `text` to stderr, where messages about the run go.
pub fn stderr(text: &str) -> Result<(), Error> {
    let mut stderr = std::io::stderr().lock();
    stderr
        .write_all(text.as_bytes())
        .and_then(|_| stderr.flush())
        .map_err(write_error)
}

fn write_error(error: std::io::Error) -> Error {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Error::ReaderGone
    } else {
        Error::Output(error)
    }
}

/// Writes `text` to `path` atomically (a temporary beside it, then a rename). When
/// `path` already holds the markers `<!-- closure-conformance:begin -->` and
/// `<!-- closure-conformance:end -->` (a README), only the text between them is
/// replaced and the rest of the file is kept.
pub fn file(path: &Path, text: &str) -> Result<(), Error> {
    check_target(Some(path))?;
    let whole = match std::fs::read_to_string(path) {
        Ok(existing) => match splice(&existing, text) {
            Some(spliced) => spliced,
            None => text.to_string(),
        },
        Err(_) => text.to_string(),
    };
    crate::atomic_file::write_atomically(path, &whole).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// `-o FILE` takes a regular file, new or existing (or a link to one), or nothing
/// for stdout: never a device, a FIFO, a directory or a link to one, which would be
/// read forever, replaced or waited on. Checked before anything is read or run.
pub fn check_target(path: Option<&Path>) -> Result<(), Error> {
    let Some(path) = path else { return Ok(()) };
    let what = match std::fs::symlink_metadata(path) {
        // Nothing there, or nothing we can see: the write says what is wrong.
        Err(_) => return Ok(()),
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(meta) if meta.is_symlink() => match std::fs::metadata(path) {
            Ok(target) if target.is_file() => return Ok(()),
            Ok(target) => format!("a link to {}", kind(&target)),
            Err(e) => format!("a link that cannot be followed ({e})"),
        },
        Ok(meta) => kind(&meta).to_string(),
    };
    Err(Error::Usage(format!(
        "-o {}: not a regular file but {what}; give a regular file, or no -o for stdout",
        path.display()
    )))
}

fn kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_dir() {
        "a directory"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// The markers between which `file` writes into an existing file.
pub const BEGIN: &str = "<!-- closure-conformance:begin -->";
pub const END: &str = "<!-- closure-conformance:end -->";

/// `existing` with the text between its markers replaced by `text`; `None` when it
/// has no pair of markers.
pub fn splice(existing: &str, text: &str) -> Option<String> {
    let (before, rest) = existing.split_once(BEGIN)?;
    let (_, after) = rest.split_once(END)?;
    Some(format!(
        "{before}{BEGIN}\n{}{END}{after}",
        ensure_newline(text)
    ))
}

/// The text between the markers of `existing`, as `splice` wrote it.
pub fn spliced(existing: &str) -> Option<&str> {
    let (_, rest) = existing.split_once(BEGIN)?;
    let (inside, _) = rest.split_once(END)?;
    Some(inside.strip_prefix('\n').unwrap_or(inside))
}

fn ensure_newline(text: &str) -> String {
    if text.ends_with('\n') || text.is_empty() {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_reader_that_has_gone_is_a_silent_write_error() {
        let gone = std::io::Error::from_raw_os_error(libc::EPIPE);
        assert!(matches!(write_error(gone), Error::ReaderGone));
        let full = std::io::Error::from_raw_os_error(libc::ENOSPC);
        let message = write_error(full).to_string();
        assert!(message.starts_with("cannot write output: "), "{message}");
    }

    #[test]
    fn a_file_with_markers_keeps_everything_around_them() {
        let readme = format!("# title\n\nbefore\n{BEGIN}\nold\ntable\n{END}\nafter\n");
        let spliced_in = splice(&readme, "new table").unwrap();
        assert_eq!(
            spliced_in,
            format!("# title\n\nbefore\n{BEGIN}\nnew table\n{END}\nafter\n")
        );
        assert_eq!(spliced(&spliced_in), Some("new table\n"));
        assert_eq!(splice("no markers here", "x"), None);
        assert_eq!(splice(&format!("only {BEGIN}"), "x"), None);
    }

    #[test]
    fn files_are_written_whole_and_spliced_when_marked() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("report.md");
        file(&plain, "one\n").unwrap();
        file(&plain, "two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&plain).unwrap(), "two\n");
        let readme = dir.path().join("README.md");
        std::fs::write(&readme, format!("intro\n{BEGIN}\n{END}\noutro\n")).unwrap();
        file(&readme, "matrix\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(&readme).unwrap(),
            format!("intro\n{BEGIN}\nmatrix\n{END}\noutro\n")
        );
        let missing = plain.join("under-a-file.md");
        let error = file(&missing, "x").unwrap_err().to_string();
        assert!(error.starts_with("cannot write "), "{error}");
    }
}
