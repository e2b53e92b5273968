//! `cargo test`: one trial per (backend, case), named `<backend>::<topic>/<name>`,
//! for every backend installed on this machine (`closure-conformance backends`),
//! each judged against the goldens of its own language version.
//!
//! Backends are started once, on first use, and shared by every trial, so the warm
//! worker pools serve the whole run. A trial fails with the same explanation the
//! command line prints: section diffs, fault reasons, stale divergence marks. A
//! case that needs another Python than the backend's is an ignored trial.
//!
//! The corpus is this repository's (`cases/`, `expected/`, `docs/`), or the one
//! under `$CLOSURE_CONFORMANCE_ROOT`. A corpus with no case fails
//! (`corpus::not_empty`): a gate that checks nothing must not pass.

use closure_conformance::backend::{self, Backend, BackendOptions};
use closure_conformance::case;
use closure_conformance::report::{explain, Palette};
use closure_conformance::suite::{check_golden, skip_reason, Layout};
use libtest_mimic::{Arguments, Trial};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

type Shared = Arc<OnceLock<Backend>>;

fn main() {
    let args = Arguments::from_args();
    let root: PathBuf = std::env::var_os("CLOSURE_CONFORMANCE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let layout = Arc::new(Layout::under(&root));
    let palette = Palette::new(color(&args));
    let mut trials = Vec::new();
    let options = BackendOptions::from_env(PathBuf::from(env!(
        "CARGO_BIN_EXE_closure-conformance"
    )))
    .map(|options| BackendOptions {
        // 1 = a fresh worker process per case (the naive runner), for comparisons.
        cases_per_worker: std::env::var("CLOSURE_CONFORMANCE_CASES_PER_WORKER")
            .ok()
            .and_then(|v| v.parse().ok()),
        ..options
    });
    let options = match options {
        Ok(options) => options,
        Err(message) => {
            trials.push(Trial::test(
                "backends::options",
                move || Err(message.into()),
            ));
            libtest_mimic::run(&args, trials).exit();
        }
    };
    let found = backend::discover(&options);
    let (cases, errors) = match case::discover(&layout.cases) {
        Ok(found) => found,
        Err(e) => {
            let message = e.to_string();
            trials.push(Trial::test("cases::discover", move || Err(message.into())));
            (Vec::new(), Vec::new())
        }
    };
    let not_empty = case::require_cases(&layout.cases, &cases);
    trials.push(Trial::test("corpus::not_empty", move || {
        not_empty.map_err(Into::into)
    }));
    for error in errors {
        let message = error.to_string();
        trials.push(Trial::test(
            format!("case-file::{}", error.path),
            move || Err(message.into()),
        ));
    }
    // The rule catalogue: every rule covered, every cited rule defined.
    let catalogue_cases = cases.clone();
    let cases_root = layout.cases.clone();
    trials.push(Trial::test("coverage::catalogue", move || {
        let rules = closure_conformance::coverage::load_rules(&cases_root)?;
        let (_, problems) = closure_conformance::coverage::map(&rules, &catalogue_cases);
        match problems.is_empty() {
            true => Ok(()),
            false => Err(problems.join("\n").into()),
        }
    }));
    // docs/divergences.md is made from the marks; it must not fall behind them.
    let marked_cases = cases.clone();
    let path = root.join("docs/divergences.md");
    trials.push(Trial::test("docs::divergences", move || {
        let written = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let expected = closure_conformance::coverage::divergences_markdown(&marked_cases);
        match written.contains(&expected) {
            true => Ok(()),
            false => Err("docs/divergences.md is out of date: cargo run --release -- divergences > docs/divergences.md".into()),
        }
    }));
    // Every golden version needs its reference here to be checked; the goldens must
    // at least hold a reference for every installed backend's version.
    // docs/versions.md is made from the goldens; it must not fall behind them.
    let timeline_cases = cases.clone();
    let expected_root = layout.expected.clone();
    let path = root.join("docs/versions.md");
    trials.push(Trial::test("docs::versions", move || {
        let written = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let expected = closure_conformance::timeline::markdown(&timeline_cases, &expected_root)?;
        match written == expected {
            true => Ok(()),
            false => Err("docs/versions.md is out of date: cargo run --release -- versions > docs/versions.md".into()),
        }
    }));
    for spec in found.available {
        let name = spec.name.clone();
        let language = spec.language;
        let shared: Shared = Arc::new(OnceLock::new());
        for case in &cases {
            let skip = language.and_then(|v| skip_reason(case, v));
            let (case, shared, layout, options, spec) = (
                case.clone(),
                shared.clone(),
                layout.clone(),
                options.clone(),
                spec.clone(),
            );
            let kind = if skip.is_some() {
                "needs another Python"
            } else if case.divergences_for(&name).next().is_some() {
                "diverges"
            } else {
                ""
            };
            trials.push(
                Trial::test(format!("{name}::{}", case.id), move || {
                    let backend = shared.get_or_init(|| Backend::start(spec, &options));
                    let outcome = check_golden(&case, backend, &layout.expected);
                    if outcome.verdict.is_ok() {
                        Ok(())
                    } else {
                        Err(explain(&outcome, palette).into())
                    }
                })
                .with_kind(kind)
                .with_ignored_flag(skip.is_some()),
            );
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

/// Color only on a terminal; `--color` and NO_COLOR are honored.
fn color(args: &Arguments) -> bool {
    use libtest_mimic::ColorSetting;
    match args.color {
        Some(ColorSetting::Always) => true,
        Some(ColorSetting::Never) => false,
        _ => anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never,
    }
}
