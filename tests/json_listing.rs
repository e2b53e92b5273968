//! `progress` fails when a newer build regressed a case, and the listing commands
//! (`progress`, `list`, `divergences`, `backends`) take `--format json`.

use serde_json::Value;
use std::path::Path;

#[path = "common/tool.rs"]
mod tool;
use tool::{run, suite};

/// python3 with `print` changed to say more: every case that prints differs.
fn regressed_python(dir: &Path) -> String {
    let path = dir.join("regressed-python");
    std::fs::write(
        &path,
        "#!/usr/bin/env python3\nimport builtins, sys\n_print = builtins.print\n\
         def print(*args, **kwargs):\n    _print('regressed', *args, **kwargs)\n\
         builtins.print = print\ncode = sys.argv[2]\nsys.argv = ['-c'] + sys.argv[3:]\n\
         exec(compile(code, '<string>', 'exec'), {'__name__': '__main__'})\n",
    )
    .unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&path, permissions).unwrap();
    format!("regressed={}", path.display())
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn progress_exits_1_when_the_newer_build_regressed_and_speaks_json() {
    let dir = suite();
    assert!(run(dir.path(), &["regen"]).0.status.success());
    let regressed = regressed_python(dir.path());
    let progress = |old: &str, new: &str, json_format: bool| {
        let mut args = vec![
            "progress",
            old,
            new,
            "--interpreter",
            &regressed,
            "--color",
            "never",
        ];
        if json_format {
            args.extend(["--format", "json"]);
        }
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run(dir.path(), &args)
    };
    let (out, stdout, stderr) = progress("cpython", "regressed", false);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("2 regressed"), "{stdout}");
    let (out, stdout, _) = progress("cpython", "regressed", true);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let report = json(&stdout);
    assert_eq!(report["schema"], "closure-conformance/progress");
    assert_eq!(
        report["regressed"],
        serde_json::json!(["t/counter", "t/lambda"])
    );
    assert_eq!(report["fixed"], serde_json::json!([]));
    // The other way round it fixed them: a pass.
    let (out, stdout, _) = progress("regressed", "cpython", true);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(
        json(&stdout)["fixed"],
        serde_json::json!(["t/counter", "t/lambda"])
    );
}

#[test]
fn list_divergences_and_backends_speak_json() {
    let dir = suite();
    let marked = std::fs::read_to_string(dir.path().join("cases/t/lambda.py"))
        .unwrap()
        .replace(
            "# rules: t/r\n",
            "# rules: t/r\n# diverges: rustpython stdout: a reason\n",
        );
    std::fs::write(dir.path().join("cases/t/lambda.py"), marked).unwrap();

    let (out, stdout, _) = run(dir.path(), &["list", "--format", "json"]);
    assert!(out.status.success());
    let list = json(&stdout);
    assert_eq!(list["schema"], "closure-conformance/list");
    let ids: Vec<&str> = list["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["t/counter", "t/lambda"]);
    assert_eq!(list["cases"][0]["description"], "counter");

    let (out, stdout, _) = run(dir.path(), &["divergences", "--format", "json"]);
    assert!(out.status.success());
    let marks = json(&stdout);
    assert_eq!(
        marks["divergences"],
        serde_json::json!([{"case": "t/lambda", "path": "cases/t/lambda.py", "backend": "rustpython", "sections": ["stdout"], "reason": "a reason"}])
    );

    let (out, stdout, _) = run(dir.path(), &["backends", "--format", "json"]);
    assert!(out.status.success());
    let backends = json(&stdout);
    let available = backends["available"].as_array().unwrap();
    let cpython = available.iter().find(|b| b["kind"] == "cpython").unwrap();
    assert_eq!(cpython["reference"], true);
    let rustpython = available
        .iter()
        .find(|b| b["name"] == "rustpython")
        .unwrap();
    assert_eq!(rustpython["reference"], false);
    let missing = backends["missing"].as_array().unwrap();
    assert!(
        missing
            .iter()
            .any(|m| m["name"] == "pyodide-3.14" && m["install"].is_string()),
        "{stdout}"
    );

    let (out, _, stderr) = run(dir.path(), &["versions", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "closure-conformance: error: versions has no --format json\n"
    );
}
