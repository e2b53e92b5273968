//! The worker's view of the file system, set up by init of its own mount
//! namespace before the interpreter starts: every mount read-only, a new `/proc`
//! for its PID namespace, a `/dev` with only the harmless devices, and one small
//! tmpfs (the *scratch*) that alone can be written, seen at `/tmp`, `/var/tmp`,
//! `/dev/shm` and the working directory `/run/work` (the host's `/run`, with its
//! sockets, is hidden under it). The zygote empties the scratch after every case.
//! Files the worker's command names that live under `/tmp` or `/var/tmp` (an
//! interpreter a user unpacked there, a script it runs) stay visible at their own
//! paths, read-only: the entry of that directory holding each is bound into the
//! scratch before the scratch hides it.

use std::ffi::CString;
use std::path::Path;

/// The scratch: one tmpfs for all four directories, so one cap bounds them all.
pub const SCRATCH_OPTIONS: &str = "size=128m,nr_inodes=8192,mode=755";
/// Where the scratch is mounted, and the working directory inside it.
const SCRATCH_ROOT: &str = "/run";
pub const WORKDIR: &str = "/run/work";
/// The devices a case may open, bound from the host's `/dev`.
const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];
/// The owner of the scratch directories: not the worker's user, so that a case
/// cannot change their mode (they are sticky and world-writable, as /tmp is).
const NOBODY: libc::uid_t = 65534;

/// What `set_up` achieved, for the hello and `backends`.
#[derive(Debug)]
pub struct Mounted {
    pub read_only: bool,
    /// The writable directories (the scratch), when there is one.
    pub scratch: Vec<String>,
    pub devices: bool,
}

fn c(text: &str) -> CString {
    CString::new(text).expect("mount arguments have no NUL")
}

fn mount(
    source: Option<&str>,
    target: &str,
    kind: Option<&str>,
    flags: libc::c_ulong,
    data: Option<&str>,
) -> Result<(), String> {
    let (source, kind, data) = (source.map(c), kind.map(c), data.map(c));
    let pointer = |v: &Option<CString>| v.as_ref().map_or(std::ptr::null(), |v| v.as_ptr());
    // SAFETY: every pointer is NUL-terminated and alive for the call, or null.
    let done = unsafe {
        libc::mount(
            pointer(&source),
            c(target).as_ptr(),
            pointer(&kind),
            flags,
            pointer(&data) as *const libc::c_void,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(format!(
            "cannot mount {target}: {}",
            std::io::Error::last_os_error()
        ))
    }
}

fn bind(source: &str, target: &str) -> Result<(), String> {
    mount(Some(source), target, None, libc::MS_BIND, None)
}

/// Makes a mount of ours writable again after the whole tree became read-only.
fn writable(target: &str) -> Result<(), String> {
    let flags = libc::MS_REMOUNT | libc::MS_BIND | libc::MS_NOSUID | libc::MS_NODEV;
    mount(None, target, None, flags, None)
}

fn make_dir(path: &str, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(path)
        .and_then(|()| std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)))
        .map_err(|e| format!("cannot make {path}: {e}"))
}

/// Sets up the mounts. `proc` says whether this is a new PID namespace whose
/// `/proc` must be mounted. Fails only where going on would be unsafe (mounts
/// that could propagate to the host); a protection that cannot be had is left
/// out of the result.
pub fn set_up(proc: bool, named: &[&Path]) -> Result<Mounted, String> {
    // Nothing mounted here may propagate back to the host's namespace.
    mount(None, "/", None, libc::MS_REC | libc::MS_PRIVATE, None)?;
    if proc {
        let flags = libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC;
        mount(Some("proc"), "/proc", Some("proc"), flags, None)?;
    }
    let mut scratch = scratch(named).unwrap_or_default();
    let devices = devices(!scratch.is_empty()).is_ok();
    if !devices {
        scratch.retain(|dir| dir != "/dev/shm");
    }
    let read_only = read_only("/");
    if read_only {
        for dir in &scratch {
            writable(dir)?;
        }
    }
    if scratch.iter().any(|dir| dir == WORKDIR) {
        std::env::set_current_dir(WORKDIR).map_err(|e| format!("cannot enter {WORKDIR}: {e}"))?;
    }
    Ok(Mounted {
        read_only,
        scratch,
        devices,
    })
}

/// The entries directly under `place` that hold the `named` files there, once
/// each: `venv` for `/tmp/venv/bin/python`.
fn kept_entries(named: &[&Path], place: &str) -> Vec<std::ffi::OsString> {
    let mut entries = Vec::new();
    for path in named {
        let Ok(below) = path.strip_prefix(place) else {
            continue;
        };
        if let Some(std::path::Component::Normal(name)) = below.components().next() {
            if !entries.iter().any(|e| e == name) && Path::new(place).join(name).exists() {
                entries.push(name.to_os_string());
            }
        }
    }
    entries
}

/// Binds the host's `place/name` (a directory or a file) onto the same name in
/// the scratch directory `dir`, while the host's `place` is still in view.
fn keep(place: &str, name: &std::ffi::OsStr, dir: &str) -> Result<(), String> {
    let host = Path::new(place).join(name);
    let ours = Path::new(dir).join(name);
    let (host, ours) = (host.to_string_lossy(), ours.to_string_lossy());
    if Path::new(host.as_ref()).is_dir() {
        make_dir(&ours, 0o755)?;
    } else {
        std::fs::File::create(ours.as_ref()).map_err(|e| format!("cannot make {ours}: {e}"))?;
    }
    bind(&host, &ours)
}

/// Mounts the scratch and binds its directories in place (`/dev/shm` is bound by
/// `devices`), keeping the entries of `/tmp` and `/var/tmp` that hold the `named`
/// files in view; returns where they are seen, the working directory last.
fn scratch(named: &[&Path]) -> Result<Vec<String>, String> {
    if !Path::new("/tmp").is_dir() || !Path::new(SCRATCH_ROOT).is_dir() {
        return Err("no /tmp or /run to put the scratch on".into());
    }
    let flags = libc::MS_NOSUID | libc::MS_NODEV;
    mount(
        Some("tmpfs"),
        SCRATCH_ROOT,
        Some("tmpfs"),
        flags,
        Some(SCRATCH_OPTIONS),
    )?;
    let var_tmp = Path::new("/var/tmp");
    let mut dirs = Vec::new();
    for (name, place) in [
        ("tmp", "/tmp"),
        ("var-tmp", "/var/tmp"),
        ("shm", "/dev/shm"),
        ("work", WORKDIR),
    ] {
        if name == "var-tmp" && (!var_tmp.is_dir() || var_tmp.is_symlink()) {
            continue;
        }
        let dir = format!("{SCRATCH_ROOT}/{name}");
        make_dir(&dir, 0o1777)?;
        // SAFETY: chown of a path we just made; failing (no such user here) is fine.
        unsafe { libc::chown(c(&dir).as_ptr(), NOBODY, NOBODY) };
        for entry in kept_entries(named, place) {
            keep(place, &entry, &dir)?;
        }
        if name != "shm" {
            // The working directory onto itself: a mount of its own. Recursive, so
            // that a kept entry comes along.
            mount(Some(&dir), place, None, libc::MS_BIND | libc::MS_REC, None)?;
        }
        dirs.push(place.to_string());
    }
    Ok(dirs)
}

/// Replaces `/dev` by a tmpfs holding only `DEVICES` (bound from the host's
/// nodes, so this works without CAP_MKNOD too), the usual links, and the
/// scratch's `shm` when there is one. Built aside, then moved over `/dev`.
fn devices(shm: bool) -> Result<(), String> {
    let aside = format!("{SCRATCH_ROOT}/dev");
    make_dir(&aside, 0o755)?;
    let flags = libc::MS_NOSUID | libc::MS_NOEXEC;
    mount(
        Some("tmpfs"),
        &aside,
        Some("tmpfs"),
        flags,
        Some("size=64k,mode=755"),
    )?;
    for device in DEVICES {
        let (host, ours) = (format!("/dev/{device}"), format!("{aside}/{device}"));
        if !Path::new(&host).exists() {
            continue;
        }
        std::fs::File::create(&ours).map_err(|e| format!("cannot make {ours}: {e}"))?;
        bind(&host, &ours)?;
    }
    for (link, target) in [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
    ] {
        std::os::unix::fs::symlink(target, format!("{aside}/{link}"))
            .map_err(|e| format!("cannot link /dev/{link}: {e}"))?;
    }
    if shm {
        make_dir(&format!("{aside}/shm"), 0o1777)?;
        bind(&format!("{SCRATCH_ROOT}/shm"), &format!("{aside}/shm"))?;
    }
    mount(Some(&aside), "/dev", None, libc::MS_MOVE, None)?;
    std::fs::remove_dir(&aside).map_err(|e| format!("cannot remove {aside}: {e}"))
}

/// Makes every mount under `path` read-only at once (Linux 5.12+).
fn read_only(path: &str) -> bool {
    let attributes = libc::mount_attr {
        attr_set: libc::MOUNT_ATTR_RDONLY,
        attr_clr: 0,
        propagation: 0,
        userns_fd: 0,
    };
    // SAFETY: the path is NUL-terminated; the kernel reads `attributes`, which we own.
    let done = unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            libc::AT_FDCWD,
            c(path).as_ptr(),
            libc::AT_RECURSIVE,
            &attributes as *const libc::mount_attr,
            std::mem::size_of::<libc::mount_attr>(),
        )
    };
    done == 0
}
