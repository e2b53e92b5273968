//! The review loop: `regen --pending` and `accept --pending` leave `*.pending`
//! files beside goldens and expectations files; `review` shows them as diffs and
//! accepts (byte for byte what a direct write makes) or rejects them.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

#[path = "common/tool.rs"]
mod tool;
use tool::{run, suite};

/// Changes what both cases print, so both goldens go out of date.
fn change_cases(root: &Path) {
    for (name, from, to) in [
        (
            "counter",
            "print(inc(), inc())",
            "print(inc(), inc(), inc())",
        ),
        ("lambda", "f = make(5)", "f = make(6)"),
    ] {
        let path = root.join(format!("cases/t/{name}.py"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from));
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }
}

fn read(root: &Path, golden: &str) -> (String, u32) {
    let path = root.join("expected/t").join(golden);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    (std::fs::read_to_string(&path).unwrap(), mode)
}

fn pending_files(root: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().strip_prefix(root).unwrap().display().to_string())
        .filter(|p| p.ends_with(".pending"))
        .collect();
    found.sort();
    found
}

/// Two identical suites with goldens, then the same change to their cases.
fn two_changed_suites() -> (tempfile::TempDir, tempfile::TempDir) {
    let (direct, pending) = (suite(), suite());
    for dir in [&direct, &pending] {
        assert!(run(dir.path(), &["regen"]).0.status.success());
        // An unusual mode, which a refreshed golden keeps.
        let golden = dir.path().join("expected/t/counter.txt");
        std::fs::set_permissions(&golden, std::fs::Permissions::from_mode(0o600)).unwrap();
        change_cases(dir.path());
    }
    (direct, pending)
}

#[test]
fn pending_regen_then_accept_all_is_what_a_direct_regen_writes() {
    let (direct, pending) = two_changed_suites();
    let before = [
        read(pending.path(), "counter.txt"),
        read(pending.path(), "lambda.txt"),
    ];
    assert!(run(direct.path(), &["regen"]).0.status.success());

    let (out, stdout, _) = run(pending.path(), &["regen", "--pending", "--color", "never"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("regen: 2 pending (see `closure-conformance review`) (0 new, 2 changed)"),
        "{stdout}"
    );
    assert_eq!(
        pending_files(pending.path()),
        [
            "expected/t/counter.txt.pending",
            "expected/t/lambda.txt.pending"
        ]
    );
    // Nothing changed yet, and the CI gate still sees the goldens out of date.
    assert_eq!(read(pending.path(), "counter.txt"), before[0]);
    assert_eq!(read(pending.path(), "lambda.txt"), before[1]);
    let (out, stdout, _) = run(pending.path(), &["regen", "--check", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains("orphan"), "{stdout}");

    // Without a decision, review shows the diffs and changes nothing.
    let (out, stdout, _) = run(pending.path(), &["review", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("pending expected/t/counter.txt (t/counter)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("-| 1 2\n+| 1 2 3\n?     ^^\n"), "{stdout}");
    assert_eq!(pending_files(pending.path()).len(), 2);

    let (out, stdout, _) = run(pending.path(), &["review", "--accept-all"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("review: 2 accepted, 0 rejected, 0 left pending"),
        "{stdout}"
    );
    for golden in ["counter.txt", "lambda.txt"] {
        assert_eq!(
            read(pending.path(), golden),
            read(direct.path(), golden),
            "{golden}"
        );
    }
    assert_eq!(read(pending.path(), "counter.txt").1 & 0o777, 0o600);
    assert!(pending_files(pending.path()).is_empty());
    let (out, _, _) = run(pending.path(), &["regen", "--check"]);
    assert!(out.status.success());
}

#[test]
fn rejecting_leaves_the_goldens_untouched_and_one_case_can_be_decided_alone() {
    let (_, dir) = two_changed_suites();
    let before = [
        read(dir.path(), "counter.txt"),
        read(dir.path(), "lambda.txt"),
    ];
    assert!(run(dir.path(), &["regen", "--pending"]).0.status.success());

    let (out, stdout, _) = run(dir.path(), &["review", "--reject", "t/counter"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("rejected expected/t/counter.txt\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("review: 0 accepted, 1 rejected, 1 left pending"),
        "{stdout}"
    );
    assert_eq!(read(dir.path(), "counter.txt"), before[0]);
    assert_eq!(read(dir.path(), "lambda.txt"), before[1]);
    assert_eq!(pending_files(dir.path()), ["expected/t/lambda.txt.pending"]);

    let (out, _, stderr) = run(dir.path(), &["review", "--accept", "t/counter"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "closure-conformance: error: no pending change for \"t/counter\" (pending: t/lambda)\n"
    );
    let (out, _, _) = run(dir.path(), &["review", "--accept", "t/lambda"]);
    assert!(out.status.success());
    assert_ne!(read(dir.path(), "lambda.txt"), before[1]);
    assert_eq!(read(dir.path(), "counter.txt"), before[0]);
    let (out, stdout, _) = run(dir.path(), &["review", "--reject-all"]);
    assert!(out.status.success());
    assert!(
        stdout.contains("review: 0 accepted, 0 rejected, 0 left pending"),
        "{stdout}"
    );
}

#[test]
fn a_direct_regen_supersedes_a_pending_change() {
    let (_, dir) = two_changed_suites();
    assert!(run(dir.path(), &["regen", "--pending"]).0.status.success());
    assert!(run(dir.path(), &["regen", "counter"]).0.status.success());
    assert_eq!(pending_files(dir.path()), ["expected/t/lambda.txt.pending"]);
}

#[test]
fn accept_pending_is_reviewed_as_the_backends_file() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    // An interpreter whose lambdas print 6 where CPython prints 5.
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(
        site.join("sitecustomize.py"),
        "import builtins\n_p = builtins.print\nbuiltins.print = lambda *a, **k: _p(*[6 if x == 5 else x for x in a], **k)\n",
    )
    .unwrap();
    let script = dir.path().join("myimpl");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nPYTHONPATH={} exec python3 \"$@\"\n",
            site.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let myimpl = format!("myimpl={}", script.display());

    let (out, stdout, _) = run(
        dir.path(),
        &[
            "accept",
            "--pending",
            "--interpreter",
            &myimpl,
            "--color",
            "never",
        ],
    );
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout
            .contains("expectations/myimpl.toml pending (see `closure-conformance review`) (1 new"),
        "{stdout}"
    );
    assert_eq!(
        pending_files(dir.path()),
        ["expectations/myimpl.toml.pending"]
    );
    let run_myimpl = |dir: &Path| {
        run(dir, &["--interpreter", &myimpl, "-b", "myimpl"])
            .0
            .status
            .code()
    };
    assert_eq!(run_myimpl(dir.path()), Some(1));
    let (out, stdout, _) = run(dir.path(), &["review", "--accept", "myimpl"]);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("accepted expectations/myimpl.toml\n"),
        "{stdout}"
    );
    assert!(pending_files(dir.path()).is_empty());
    assert_eq!(run_myimpl(dir.path()), Some(0));
}

/// On a terminal (here util-linux `script` gives it one), review asks for each
/// change: accept, reject or skip; an unknown answer is asked again.
#[test]
fn on_a_terminal_review_asks_case_by_case() {
    let (direct, dir) = two_changed_suites();
    assert!(run(direct.path(), &["regen"]).0.status.success());
    let before = read(dir.path(), "lambda.txt");
    assert!(run(dir.path(), &["regen", "--pending"]).0.status.success());
    let command = format!(
        "{} review --color never --root {}",
        tool::BIN,
        dir.path().display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs review on a terminal");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"what\na\ns\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(
        stdout
            .matches("t/counter: [a]ccept, [r]eject or [s]kip? ")
            .count(),
        2,
        "{stdout}"
    );
    assert!(
        stdout.contains("review: 1 accepted, 0 rejected, 1 left pending"),
        "{stdout}"
    );
    assert_eq!(
        read(dir.path(), "counter.txt"),
        read(direct.path(), "counter.txt")
    );
    assert_eq!(read(dir.path(), "lambda.txt"), before);
    assert_eq!(pending_files(dir.path()), ["expected/t/lambda.txt.pending"]);
}
