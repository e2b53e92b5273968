//! `fuzz --oracle`: the generator as a spec oracle on every CPython reference
//! (src/fuzz/oracle.rs), and the seeds a campaign runs (part of the command line,
//! which alone prints).

use super::{finish_saved, say, FuzzArgs, FuzzWatch, Outcome};
use closure_conformance::error::Error;
use closure_conformance::fuzz;
use closure_conformance::session::Session;

impl FuzzArgs {
    /// The seeds to run: the indices of --seed-list, --seeds, from 0 with --time,
    /// else 0..1000.
    pub fn seed_range(&self) -> std::ops::Range<u64> {
        match (self.seeds.clone(), self.time) {
            _ if !self.seed_list.is_empty() => 0..self.seed_list.len() as u64,
            (Some(seeds), _) => seeds,
            (None, Some(_)) => 0..u64::MAX,
            (None, None) => 0..1000,
        }
    }
}

/// `fuzz --oracle`: each reference regression reported; with --save kept as a case,
/// whose goldens and marks `finish_saved` makes.
pub fn oracle_command(args: &FuzzArgs, session: &Session) -> Outcome {
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
            fuzz::oracle_report::save(&session.layout.cases, regression)
                .map_err(|e| Error::Usage(format!("cannot save a case: {e}")))?
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
