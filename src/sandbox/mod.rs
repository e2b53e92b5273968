//! The sandbox every native worker starts in: `closure-conformance sandbox --
//! PROGRAM ARGS…` sets it up and then becomes PROGRAM (docs/protocol.md, "The
//! sandbox").
//!
//! As root (or with unprivileged user namespaces) the stage makes new PID, mount,
//! network, IPC and UTS namespaces, forks, and its child — init of the new PID
//! namespace — sets up the file system (`mounts`), gives up every privilege
//! (`privileges`), and execs PROGRAM with only descriptors 0, 1 and 2. The parent
//! waits and exits as its child did; the child dies with it. Where namespaces
//! cannot be had, the privileges are still dropped and PROGRAM runs directly.
//!
//! PROGRAM learns what is in force from `CLOSURE_CONFORMANCE_SANDBOX` (the probe
//! removes it from the environment and says it in its hello) and where the
//! scratch is from `CLOSURE_CONFORMANCE_SCRATCH`.

mod mounts;
mod privileges;

use std::ffi::OsString;
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::Command;

/// Tells PROGRAM which protections are in force (comma-separated names).
pub const PROTECTIONS_ENV: &str = "CLOSURE_CONFORMANCE_SANDBOX";
/// Tells PROGRAM the writable directories it must empty after each case (`:`).
pub const SCRATCH_ENV: &str = "CLOSURE_CONFORMANCE_SCRATCH";

const NAMESPACES: libc::c_int = libc::CLONE_NEWPID
    | libc::CLONE_NEWNS
    | libc::CLONE_NEWNET
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUTS;

/// A command that runs `program` in the sandbox, by our own binary `exe`. A
/// relative path with a `/` is made absolute: the sandbox has its own working
/// directory.
pub fn command(exe: &Path, program: &Path) -> Command {
    let program = match std::env::current_dir() {
        Ok(here) if program.is_relative() && program.components().count() > 1 => here.join(program),
        _ => program.to_path_buf(),
    };
    let mut command = Command::new(exe);
    command.arg("sandbox").arg("--").arg(program);
    command
}

/// `closure-conformance sandbox -- PROGRAM ARGS…`: never returns on success (the
/// process becomes PROGRAM, or exits as it did); `Err` says why it cannot start.
/// With `--describe` instead of a program, prints the protections and exits.
pub fn run(args: &[OsString]) -> Result<u8, String> {
    let describe = args.first().is_some_and(|a| a == "--describe");
    let program = match args {
        [flag, program @ ..] if flag == "--" && !program.is_empty() => program,
        _ if describe => &[],
        _ => return Err("usage: closure-conformance sandbox -- PROGRAM [ARGS…]".into()),
    };
    // The program, opened before the mounts hide its path (a binary under /tmp).
    let early = program.first().and_then(|p| open_program(Path::new(p)));
    let mut protections: Vec<&str> = Vec::new();
    let namespaces = enter_namespaces();
    if let Some(user) = namespaces {
        // The parent holds the write end of this pipe while it lives.
        let mut alive = [0; 2];
        // SAFETY: pipe writes two descriptors into the array we own; fork is safe
        // because we are single-threaded here (the first thing `main` does).
        if unsafe { libc::pipe(alive.as_mut_ptr()) } != 0 {
            return Err(format!(
                "cannot make a pipe: {}",
                std::io::Error::last_os_error()
            ));
        }
        match unsafe { libc::fork() } {
            -1 => return Err(format!("cannot fork: {}", std::io::Error::last_os_error())),
            0 => {}
            child => return Ok(wait_for(child)),
        }
        // Init of the new namespace: it dies with the parent that waits for it
        // (which may already have died before this line: then the pipe says so).
        privileges::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0);
        let mut poll = libc::pollfd {
            fd: alive[0],
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: closing our copy of the write end, polling and closing the read end.
        unsafe {
            libc::close(alive[1]);
            if libc::poll(&mut poll, 1, 0) != 0 {
                std::process::exit(1);
            }
            libc::close(alive[0]);
        }
        protections.extend(["pid-namespace", "mount-namespace", "network-namespace"]);
        protections.extend(["ipc-namespace", "uts-namespace"]);
        if user {
            protections.push("user-namespace");
        }
    }
    let mut scratch = Vec::new();
    if namespaces.is_some() {
        // What the command names (the program, a script it runs) stays in view.
        let named: Vec<&Path> = program
            .iter()
            .map(Path::new)
            .filter(|p| p.is_absolute())
            .collect();
        let mounted = mounts::set_up(true, &named)?;
        if mounted.read_only {
            protections.push("read-only-mounts");
        }
        if mounted.devices {
            protections.push("private-dev");
        }
        if !mounted.scratch.is_empty() {
            protections.push("private-scratch");
        }
        scratch = mounted.scratch;
    }
    // Descriptors first: /proc must still be readable for the fallback.
    if privileges::close_other_descriptors() {
        protections.push("descriptors-closed");
    }
    if privileges::drop_capabilities() {
        protections.push("no-capabilities");
    }
    if privileges::no_new_privileges() {
        protections.push("no-new-privileges");
        if privileges::install_seccomp() {
            protections.push("seccomp");
        }
    }
    let protections = protections.join(",");
    if describe {
        println!("{}", describe_line(&protections, &scratch));
        return Ok(0);
    }
    std::env::set_var(PROTECTIONS_ENV, &protections);
    std::env::set_var(SCRATCH_ENV, scratch.join(":"));
    let mut error = Command::new(&program[0]).args(&program[1..]).exec();
    if let (std::io::ErrorKind::NotFound, Some(fd)) = (error.kind(), early) {
        error = exec_file(fd, program);
    }
    let shown = Path::new(&program[0]).display();
    Err(match error.kind() {
        std::io::ErrorKind::NotFound if !scratch.is_empty() => format!(
            "cannot run {shown}: {error} (the sandbox has its own /tmp, /var/tmp, /dev/shm and /run)"
        ),
        _ => format!("cannot run {shown}: {error}"),
    })
}

/// The program file, if `program` is a path (not a name looked up on PATH).
fn open_program(program: &Path) -> Option<std::os::fd::OwnedFd> {
    use std::os::unix::fs::OpenOptionsExt as _;
    if program.components().count() < 2 {
        return None;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_PATH)
        .open(program)
        .ok()
        .map(std::os::fd::OwnedFd::from)
}

/// Runs the program from the file opened before the mounts (a binary; a script
/// needs its path). Returns only on failure.
fn exec_file(fd: std::os::fd::OwnedFd, program: &[OsString]) -> std::io::Error {
    use std::ffi::CString;
    use std::os::fd::AsRawFd as _;
    use std::os::unix::ffi::OsStrExt as _;
    let strings = |items: Vec<&[u8]>| -> Vec<CString> {
        items
            .into_iter()
            .filter_map(|item| CString::new(item).ok())
            .collect()
    };
    let args = strings(program.iter().map(|a| a.as_bytes()).collect());
    let pairs: Vec<Vec<u8>> = std::env::vars_os()
        .map(|(k, v)| [k.as_bytes(), b"=", v.as_bytes()].concat())
        .collect();
    let env = strings(pairs.iter().map(Vec::as_slice).collect());
    let pointers = |items: &[CString]| -> Vec<*const libc::c_char> {
        items
            .iter()
            .map(|item| item.as_ptr())
            .chain([std::ptr::null()])
            .collect()
    };
    let (argv, envp) = (pointers(&args), pointers(&env));
    // SAFETY: both arrays are NULL-terminated and point into `args` and `env`,
    // alive across the call; fexecve returns only on failure.
    unsafe { libc::fexecve(fd.as_raw_fd(), argv.as_ptr(), envp.as_ptr()) };
    std::io::Error::last_os_error()
}

/// Unshares the namespaces: directly as root, else in a new user namespace that
/// maps our user to root. `Some(true)` when a user namespace was needed, `None`
/// when neither works (then there is no namespace at all).
fn enter_namespaces() -> Option<bool> {
    // SAFETY: unshare and getuid take and return integers.
    if unsafe { libc::unshare(NAMESPACES) } == 0 {
        return Some(false);
    }
    let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
    if unsafe { libc::unshare(NAMESPACES | libc::CLONE_NEWUSER) } != 0 {
        return None;
    }
    let maps = [
        ("/proc/self/setgroups", "deny".to_string()),
        ("/proc/self/uid_map", format!("0 {uid} 1")),
        ("/proc/self/gid_map", format!("0 {gid} 1")),
    ];
    for (file, map) in maps {
        if std::fs::write(file, map).is_err() && file != "/proc/self/setgroups" {
            return None;
        }
    }
    Some(true)
}

/// Waits for init of the namespace and returns its exit status, or dies of the
/// signal that killed it. Our own copies of the worker's channel are closed first,
/// so that the runner sees end-of-file as soon as the worker is gone.
fn wait_for(child: libc::pid_t) -> u8 {
    // SAFETY: closing our copies of stdin and stdout; stderr stays for messages.
    unsafe {
        libc::close(0);
        libc::close(1);
    }
    let mut status = 0;
    loop {
        // SAFETY: waitpid writes the status we own.
        let done = unsafe { libc::waitpid(child, &mut status, 0) };
        if done == child {
            break;
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return 1;
        }
    }
    if libc::WIFSIGNALED(status) {
        let signal = libc::WTERMSIG(status);
        // SAFETY: die of the same signal, with its default action.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::kill(libc::getpid(), signal);
        }
        return 128 + signal as u8;
    }
    libc::WEXITSTATUS(status) as u8
}

/// One line for `backends` and reports: what the sandbox gives a worker here.
fn describe_line(protections: &str, scratch: &[String]) -> String {
    let mut line = protections.replace(',', ", ");
    if !scratch.is_empty() {
        line.push_str(&format!(
            " (scratch {}: {})",
            mounts::SCRATCH_OPTIONS
                .split(',')
                .next()
                .unwrap_or_default(),
            scratch.join(" ")
        ));
    }
    line
}

/// What the sandbox gives a native worker on this machine, measured by setting
/// one up (`sandbox --describe`), for `backends`.
pub fn describe(exe: &Path) -> String {
    match Command::new(exe)
        .args(["sandbox", "--describe"])
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(output) if output.status.success() => {
            String::from_utf8_lossy(&output.stdout).trim().to_string()
        }
        Ok(output) => format!("none: {}", String::from_utf8_lossy(&output.stderr).trim()),
        Err(e) => format!("none: cannot run {}: {e}", exe.display()),
    }
}
