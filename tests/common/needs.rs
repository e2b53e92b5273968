//! Trials that need a component this machine may not have (Pyodide, Chromium).
//! Where the component cannot be had, the trial is ignored and its kind names what
//! is missing (`[needs chromium: …]`) — never a silent pass: run with `--ignored`,
//! it fails with the same reason. With `$CLOSURE_CONFORMANCE_REQUIRE_ALL` set (as
//! .ci/run sets it) a missing component fails the trial instead of ignoring it.

use libtest_mimic::{Failed, Trial};

/// The variable that turns a missing component into a failure.
pub const REQUIRE_ENV: &str = "CLOSURE_CONFORMANCE_REQUIRE_ALL";

/// A trial running `test` with what `component` found, or, when it found nothing
/// (`Err(what is missing and how to get it)`), an ignored trial that says so.
pub fn trial<T: Send + 'static>(
    name: &str,
    component: Result<T, String>,
    test: impl FnOnce(T) + Send + 'static,
) -> Trial {
    match component {
        Ok(found) => Trial::test(name, move || {
            test(found);
            Ok(())
        }),
        Err(missing) => {
            let required = std::env::var_os(REQUIRE_ENV).is_some_and(|v| !v.is_empty());
            let message = format!("missing: {missing}");
            let failing = move || Err(Failed::from(message));
            let trial = Trial::test(name, failing);
            if required {
                trial
            } else {
                trial
                    .with_kind(format!("needs {missing}"))
                    .with_ignored_flag(true)
            }
        }
    }
}
