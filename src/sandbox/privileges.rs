//! What a worker may do once it runs: no capabilities (the bounding set too), no
//! new privileges on exec, and a seccomp filter that refuses the system calls by
//! which one process reaches into another (ptrace, `pidfd_getfd`,
//! `process_vm_readv`/`writev`, `kcmp`), creates namespaces, or opens kernel
//! interfaces no case needs (bpf, perf events, userfaultfd, io_uring, keyrings).
//!
//! Each step says whether it took effect; the caller reports what is in force.

use std::io::Error;

/// `linux/capability.h`: version 3 of the capability structures.
const CAPABILITY_VERSION_3: u32 = 0x2008_0522;
/// `prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)`.
const PR_CAP_AMBIENT_CLEAR_ALL: libc::c_ulong = 4;

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: libc::c_int,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

/// Drops every capability: root stays uid 0 but is refused whatever needs a
/// capability (mounts, raw devices, other users' files, ptrace of anyone).
/// Returns whether the process is left with none.
pub fn drop_capabilities() -> bool {
    // SAFETY: capset reads the two structures we pass.
    unsafe {
        // Without root's special treatment, exec can never give capabilities back.
        let bits = libc::SECBIT_NOROOT
            | libc::SECBIT_NOROOT_LOCKED
            | libc::SECBIT_NO_SETUID_FIXUP
            | libc::SECBIT_NO_SETUID_FIXUP_LOCKED
            | libc::SECBIT_KEEP_CAPS_LOCKED;
        prctl(libc::PR_SET_SECUREBITS, bits as libc::c_ulong, 0);
        for capability in 0..64 {
            if prctl(libc::PR_CAPBSET_DROP, capability, 0) != 0
                && Error::last_os_error().raw_os_error() == Some(libc::EINVAL)
            {
                break; // past the last capability this kernel knows
            }
        }
        prctl(libc::PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0);
        let header = CapHeader {
            version: CAPABILITY_VERSION_3,
            pid: 0,
        };
        let data = [CapData::default(); 2];
        libc::syscall(libc::SYS_capset, &header, data.as_ptr());
    }
    has_no_capabilities()
}

/// prctl with two arguments, each passed as the unsigned long the kernel reads.
pub(super) fn prctl(
    option: libc::c_int,
    first: libc::c_ulong,
    second: libc::c_ulong,
) -> libc::c_int {
    let zero: libc::c_ulong = 0;
    // SAFETY: every option used here takes integers (or, for seccomp, a pointer
    // its caller keeps alive).
    unsafe { libc::prctl(option, first, second, zero, zero) }
}

/// Whether the effective, permitted and bounding sets are all empty.
fn has_no_capabilities() -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    ["CapEff:", "CapPrm:", "CapBnd:"].iter().all(|field| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(field))
            .is_some_and(|value| value.trim().chars().all(|c| c == '0'))
    })
}

/// Sets no_new_privs: no exec (setuid, file capabilities) can raise privileges.
pub fn no_new_privileges() -> bool {
    prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0) == 0
}

/// Marks every descriptor above 2 close-on-exec, so that the program started
/// next has only stdin, stdout and stderr, whatever its starter left open.
pub fn close_other_descriptors() -> bool {
    // SAFETY: close_range only changes flags of our own descriptors.
    let done = unsafe {
        libc::syscall(
            libc::SYS_close_range,
            3u32,
            u32::MAX,
            libc::CLOSE_RANGE_CLOEXEC,
        )
    };
    if done == 0 {
        return true;
    }
    // Older kernels: set the flag one open descriptor at a time.
    let Ok(entries) = std::fs::read_dir("/proc/self/fd") else {
        return false;
    };
    let fds: Vec<i32> = entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .filter(|fd| *fd > 2)
        .collect();
    for fd in fds {
        // SAFETY: fcntl on a descriptor number; a closed one just fails.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    true
}

/// Installs the seccomp filter (needs no_new_privs first). Returns whether it is
/// in force: there is a filter only for the architectures listed in `ARCH`.
pub fn install_seccomp() -> bool {
    let Some(arch) = ARCH else {
        return false;
    };
    let program = filter(arch);
    let prog = libc::sock_fprog {
        len: program.len() as u16,
        filter: program.as_ptr() as *mut libc::sock_filter,
    };
    // The kernel copies the program; `prog` points into `program`, alive here.
    let address = &prog as *const libc::sock_fprog as libc::c_ulong;
    prctl(
        libc::PR_SET_SECCOMP,
        libc::SECCOMP_MODE_FILTER as libc::c_ulong,
        address,
    ) == 0
}

/// `AUDIT_ARCH_*` of the architecture this binary was built for.
#[cfg(target_arch = "x86_64")]
const ARCH: Option<u32> = Some(0xC000_003E);
#[cfg(target_arch = "aarch64")]
const ARCH: Option<u32> = Some(0xC000_00B7);
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const ARCH: Option<u32> = None;

/// Refused with EPERM: reaching into another process, making namespaces, and
/// kernel interfaces no case needs.
const REFUSED: &[libc::c_long] = &[
    libc::SYS_ptrace,
    libc::SYS_process_vm_readv,
    libc::SYS_process_vm_writev,
    libc::SYS_pidfd_getfd,
    libc::SYS_kcmp,
    libc::SYS_unshare,
    libc::SYS_setns,
    libc::SYS_bpf,
    libc::SYS_perf_event_open,
    libc::SYS_userfaultfd,
    libc::SYS_io_uring_setup,
    libc::SYS_io_uring_enter,
    libc::SYS_io_uring_register,
    libc::SYS_keyctl,
    libc::SYS_add_key,
    libc::SYS_request_key,
];

/// Namespace flags `clone` may not carry.
const NEW_NAMESPACES: u32 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWCGROUP
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET) as u32;

fn statement(code: u16, k: u32) -> libc::sock_filter {
    libc::sock_filter {
        code,
        jt: 0,
        jf: 0,
        k,
    }
}

fn jump(code: u16, k: u32, jt: u8, jf: u8) -> libc::sock_filter {
    libc::sock_filter { code, jt, jf, k }
}

/// The BPF program: a foreign architecture (or x32) is refused; then each refused
/// system call; `clone3` says ENOSYS (its flags are out of reach of the filter, and
/// libc then falls back to `clone`); `clone` with namespace flags is refused.
fn filter(arch: u32) -> Vec<libc::sock_filter> {
    const LOAD: u16 = (libc::BPF_LD | libc::BPF_W | libc::BPF_ABS) as u16;
    const JEQ: u16 = (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16;
    const JGE: u16 = (libc::BPF_JMP | libc::BPF_JGE | libc::BPF_K) as u16;
    const JSET: u16 = (libc::BPF_JMP | libc::BPF_JSET | libc::BPF_K) as u16;
    const RET: u16 = (libc::BPF_RET | libc::BPF_K) as u16;
    const NR: u32 = 0; // offsets in struct seccomp_data
    const ARCH_OFFSET: u32 = 4;
    const ARG0: u32 = 16; // low 32 bits of args[0] (little-endian)
    let errno = |code: i32| libc::SECCOMP_RET_ERRNO | code as u32;
    let allow = statement(RET, libc::SECCOMP_RET_ALLOW);
    let refuse = statement(RET, errno(libc::EPERM));

    let mut program = vec![
        statement(LOAD, ARCH_OFFSET),
        jump(JEQ, arch, 1, 0),
        refuse,
        statement(LOAD, NR),
    ];
    if cfg!(target_arch = "x86_64") {
        program.push(jump(JGE, 0x4000_0000, 0, 1)); // the x32 system calls
        program.push(refuse);
    }
    for &call in REFUSED {
        program.push(jump(JEQ, call as u32, 0, 1));
        program.push(refuse);
    }
    program.push(jump(JEQ, libc::SYS_clone3 as u32, 0, 1));
    program.push(statement(RET, errno(libc::ENOSYS)));
    program.push(jump(JEQ, libc::SYS_clone as u32, 1, 0));
    program.push(allow);
    program.push(statement(LOAD, ARG0));
    program.push(jump(JSET, NEW_NAMESPACES, 0, 1));
    program.push(refuse);
    program.push(allow);
    program
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_jump_of_the_filter_lands_inside_it() {
        let program = filter(0xC000_003E);
        let ret = (libc::BPF_RET | libc::BPF_K) as u16;
        for (at, instruction) in program.iter().enumerate() {
            if instruction.code == ret {
                continue; // the end of a path
            }
            let last = at + 1 + instruction.jt.max(instruction.jf) as usize;
            assert!(last < program.len(), "instruction {at} leaves the program");
        }
        assert_eq!(program.last().unwrap().code, ret);
    }
}
