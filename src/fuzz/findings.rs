//! Each root cause a campaign found, reduced: the first program of each identity,
//! on the tree (src/fuzz/reduce.rs) and then to 1-minimality on its source
//! (src/fuzz/minimal.rs), while it still carries the identity.

use super::bindings;
use super::campaign::{identities_alone, observe_pair, Finding, Options, Pair, Watch};
use super::generate::generate;
use super::identity::{identities, Identity};
use super::ir;
use super::reduce::reduce;
use super::signature::Signature;
use crate::version::PyVersion;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Reduces the first program of every signature, in parallel.
pub(crate) fn reduce_all(
    options: &Options,
    pairs: &[Pair],
    seen: &BTreeMap<Identity, (u64, u64)>,
    pair_of: &BTreeMap<Identity, usize>,
    watch: &dyn Watch,
) -> Vec<Finding> {
    let work: Vec<(&Identity, &(u64, u64))> = seen.iter().collect();
    let next = AtomicU64::new(0);
    let out = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                let Some((identity, &(seed, programs))) = work.get(i) else {
                    break;
                };
                let pair = &pairs[pair_of[*identity]];
                let finding = reduce_one(options, pair, identity, seed, programs);
                watch.phase(&format!(
                    "reduced {} ({} → {} lines)",
                    identity,
                    finding.original_lines,
                    finding.lines()
                ));
                out.lock().unwrap_or_else(|e| e.into_inner()).push(finding);
            });
        }
    });
    let mut findings = out.into_inner().unwrap_or_else(|e| e.into_inner());
    findings.sort_by(|a, b| a.identity.cmp(&b.identity));
    findings
}

fn reduce_one(
    options: &Options,
    pair: &Pair,
    identity: &Identity,
    seed: u64,
    programs: u64,
) -> Finding {
    let program = generate(seed, options.mode);
    let original_lines = ir::lines(&program.body);
    let version = pair.version;
    let mut keeps = |source: &str| {
        let (major, minor) = super::generate::requires_source(source);
        version >= PyVersion::new(major, minor)
            && identities_alone(pair, source, options.mode).contains(identity)
    };
    let (reduced, source, tests) = if options.reduce_budget == 0 {
        (program.body.clone(), program.source(), 0)
    } else {
        let (reduced, tests) = reduce(program.body.clone(), options.reduce_budget, &mut |body| {
            keeps(&ir::render(body))
        });
        // Then to 1-minimality on the source: no single statement or expression
        // can go while the identity stays.
        let budget = options
            .reduce_budget
            .saturating_sub(tests)
            .max(options.reduce_budget / 2);
        let (source, more) = super::minimal::minimize(&ir::render(&reduced), budget, &mut keeps);
        (reduced, source, tests + more)
    };
    let (expected, actual) = observe_pair(pair, &source, options.mode);
    let bindings = bindings::of(std::slice::from_ref(&source))
        .map(|mut all| all.remove(0))
        .unwrap_or_default();
    Finding {
        identity: identity.clone(),
        identities: identities(&pair.target.name, version, &bindings, &expected, &actual),
        signature: Signature::of(&pair.target.name, &expected, &actual).unwrap_or(Signature {
            backend: pair.target.name.clone(),
            sections: Vec::new(),
            exceptions: ("none".into(), "none".into()),
        }),
        seed,
        programs,
        original_lines,
        reduced,
        source,
        reduce_tests: tests,
        expected,
        actual,
        reference: pair.reference.name.clone(),
        reference_build: pair
            .reference
            .describe()
            .unwrap_or_else(|_| pair.reference.name.clone()),
        version,
    }
}
