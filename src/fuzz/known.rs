//! Which root causes the corpus already shows on the backends of a campaign: the
//! identities of every case that has a known-divergence mark for a backend, run
//! on it against its golden. A finding with one of them is not new, and a
//! campaign masks them before it buckets (src/fuzz/campaign.rs). So are the
//! identities a case's `same-cause:` lines name: witnesses of its cause that were
//! merged into it (one case per root cause).

use super::bindings;
use super::campaign::Known;
use super::identity::{identities, Identity};
use super::lineup::Lineup;
use crate::backend::Kind;
use crate::session::Session;
use crate::suite::check_golden;

pub fn corpus_identities(session: &Session, lineup: &Lineup) -> Result<Known, String> {
    let mut known = Known::new();
    for (backend, version) in &lineup.targets {
        if backend.spec.kind == Kind::CPython && lineup.cross_version {
            continue;
        }
        let marked: Vec<_> = session
            .all_cases
            .iter()
            .filter(|case| case.divergences_for(&backend.name).next().is_some())
            .collect();
        let outcomes: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = marked
                .chunks(marked.len().div_ceil(4).max(1))
                .map(|chunk| {
                    scope.spawn(move || {
                        chunk
                            .iter()
                            .map(|case| {
                                (*case, check_golden(case, backend, &session.layout.expected))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let sources: Vec<String> = outcomes
            .iter()
            .map(|(case, _)| case.source.clone())
            .collect();
        let all = bindings::of(&sources)?;
        for ((case, outcome), bindings) in outcomes.iter().zip(&all) {
            for identity in identities(
                &backend.name,
                *version,
                bindings,
                &outcome.expected,
                &outcome.actual,
            ) {
                known.entry(identity).or_insert_with(|| case.id.clone());
            }
        }
        // Identities of the same cause whose witnesses were merged into a case.
        for case in &session.all_cases {
            for line in &case.header.same_cause {
                if let Some((name, what)) = line.split_once(": ") {
                    if name == backend.name {
                        known
                            .entry(Identity {
                                backend: name.to_string(),
                                what: what.to_string(),
                            })
                            .or_insert_with(|| case.id.clone());
                    }
                }
            }
        }
    }
    Ok(known)
}
