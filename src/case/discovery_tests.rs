//! Unit tests of reading and finding case files.

use super::discovery::reject_duplicate_ids;
use super::header_tests::MINIMAL;
use super::*;
use std::path::Path;

#[test]
fn zero_cases_is_an_error() {
    let root = Path::new("cases");
    assert_eq!(
        require_cases(root, &[]).unwrap_err(),
        "no cases in cases (a case is cases/<topic>/<name>.py)"
    );
    let case = Case {
        id: "t/counter".into(),
        topic: "t".into(),
        display_path: "cases/t/counter.py".into(),
        path: "cases/t/counter.py".into(),
        source: String::new(),
        header: Header::default(),
    };
    let cases = [case];
    assert!(require_cases(root, &cases).is_ok());
    assert_eq!(select_some(&cases, &["count".into()]).unwrap().len(), 1);
    assert_eq!(
        select_some(&cases, &["nope".into(), "none".into()]).unwrap_err(),
        "no case matches nope none (see `closure-conformance list`)"
    );
}

#[test]
fn non_utf8_file_names_are_bad_cases_not_one_lossy_id() {
    use std::os::unix::ffi::OsStrExt as _;
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("cases");
    let topic = root.join("t");
    std::fs::create_dir_all(&topic).unwrap();
    // Both would be `t/caf\u{fffd}` through to_string_lossy, and share a golden.
    for name in [&b"caf\xe9.py"[..], b"caf\xe8.py"] {
        std::fs::write(topic.join(std::ffi::OsStr::from_bytes(name)), MINIMAL).unwrap();
    }
    let odd_topic = root.join(std::ffi::OsStr::from_bytes(b"t\xff"));
    std::fs::create_dir_all(&odd_topic).unwrap();
    std::fs::write(odd_topic.join("x.py"), MINIMAL).unwrap();
    std::fs::write(topic.join("good.py"), MINIMAL).unwrap();
    let (cases, errors) = discover(&root).unwrap();
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["t/good"]);
    let mut errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            "cases/t/caf\\xe8.py: file name is not UTF-8",
            "cases/t/caf\\xe9.py: file name is not UTF-8",
            "cases/t\\xff/x.py: file name is not UTF-8",
        ]
    );
}

#[test]
fn cases_sharing_an_id_are_all_errors_naming_every_file() {
    let case = |id: &str, path: &str| Case {
        id: id.into(),
        topic: "t".into(),
        display_path: path.into(),
        path: path.into(),
        source: String::new(),
        header: Header::default(),
    };
    let (cases, errors) = reject_duplicate_ids(vec![
        case("t/b", "cases/t/b.py"),
        case("t/a", "cases/t/a.py"),
        case("t/b", "cases/t/b2.py"),
        case("t/b", "cases/t/b3.py"),
    ]);
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["t/a"]);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "cases/t/b.py: has the same id `t/b` as cases/t/b2.py, cases/t/b3.py, so they would share one golden; rename one"
    );
}

#[test]
fn symlinks_are_followed_and_loops_and_dangling_links_reported() {
    use std::os::unix::fs::symlink;
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("cases");
    std::fs::create_dir_all(root.join("t")).unwrap();
    std::fs::create_dir_all(parent.path().join("elsewhere")).unwrap();
    std::fs::write(parent.path().join("elsewhere/shared.py"), MINIMAL).unwrap();
    std::fs::write(root.join("t/real.py"), MINIMAL).unwrap();
    // A case file that is a symlink, to a file inside or outside the corpus.
    symlink("real.py", root.join("t/alias.py")).unwrap();
    symlink(
        parent.path().join("elsewhere/shared.py"),
        root.join("t/shared.py"),
    )
    .unwrap();
    // A topic that is a symlink to a directory.
    symlink(parent.path().join("elsewhere"), root.join("linked")).unwrap();
    // A loop, a symlink to nothing, and an editor's lock file (hidden, skipped).
    symlink("..", root.join("t/loop")).unwrap();
    symlink("gone.py", root.join("t/broken.py")).unwrap();
    symlink("user@host.1234", root.join("t/.#real.py")).unwrap();
    let (cases, errors) = discover(&root).unwrap();
    let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["linked/shared", "t/alias", "t/real", "t/shared"]);
    assert_eq!(cases[1].display_path, "cases/t/alias.py");
    assert_eq!(cases[1].source, MINIMAL);
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("cases/t/broken.py: broken symlink: "),
        "{errors:?}"
    );
    assert_eq!(
        errors[1],
        "cases/t/loop: symlink loop: it leads back to cases, not followed"
    );
}

#[test]
fn load_rejects_non_utf8_and_bad_layout() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("cases");
    let dir = &dir;
    let topic = dir.join("t");
    std::fs::create_dir_all(&topic).unwrap();
    std::fs::write(topic.join("bad.py"), b"# description: \xff\n").unwrap();
    let error = Case::load(dir, &topic.join("bad.py")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "cases/t/bad.py: not UTF-8 (invalid byte at offset 15)"
    );
    std::fs::write(dir.join("top.py"), MINIMAL).unwrap();
    let error = Case::load(dir, &dir.join("top.py")).unwrap_err();
    assert!(error.message.contains("<topic>/<name>.py"));
    std::fs::write(topic.join("good.py"), MINIMAL).unwrap();
    let case = Case::load(dir, &topic.join("good.py")).unwrap();
    assert_eq!((case.id.as_str(), case.topic.as_str()), ("t/good", "t"));
    assert_eq!(case.display_path, "cases/t/good.py");
}
