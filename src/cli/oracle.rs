//! `fuzz --oracle`: the generator as a spec oracle on every CPython reference
//! (library: `fuzz/oracle.rs`).

use super::fuzz::{finish_saved, FuzzArgs};
use super::watch::FuzzWatch;
use super::{say, Outcome};
use closure_conformance::error::Error;
use closure_conformance::fuzz;
use closure_conformance::session::Session;

/// `fuzz --oracle`: each reference regression reported; with --save kept as a case,
/// whose goldens and marks `finish_saved` makes.
pub fn oracle(args: &FuzzArgs, session: &Session) -> Outcome {
    fuzz::bindings::of(&["pass\n".to_string()]).map_err(Error::Usage)?;
    let references = fuzz::oracle_report::references(session)?;
    let watch = FuzzWatch::new();
    let outcome = fuzz::oracle::run(
        args.seed_range(),
        &args.seed_list,
        args.time,
        args.batch,
        args.reduce_budget,
        &references,
        &watch,
    );
    if let Some(bar) = &watch.bar {
        bar.finish_and_clear();
    }
    let mut saved = Vec::new();
    for regression in &outcome.regressions {
        saved.push(if args.save {
            fuzz::oracle_report::save(&session.layout.cases, regression).map_err(|source| {
                Error::Io {
                    doing: "save a case".into(),
                    source,
                }
            })?
        } else {
            None
        });
    }
    say(&fuzz::oracle_report::render(&outcome, &saved))?;
    let names: Vec<String> = saved
        .iter()
        .flatten()
        .filter_map(|p| p.file_stem())
        .map(|stem| format!("{}/{}", fuzz::save::TOPIC, stem.to_string_lossy()))
        .collect();
    if !names.is_empty() {
        finish_saved(args, &names)?;
    }
    Ok(0)
}
