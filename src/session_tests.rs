//! Unit tests of running checks: `--fail-fast`.

use super::*;
use crate::compare::{Failure, FailureKind};
use std::sync::atomic::AtomicUsize;

fn judged(item: usize, verdict: Verdict) -> Outcome {
    Outcome {
        case: crate::report::tests::case("t", &format!("c{item}")),
        backend: "b".to_string(),
        against: Against::Goldens,
        expected: Default::default(),
        actual: Default::default(),
        verdict,
        refresh_command: None,
    }
}

/// Forty checks, the fourth fails; returns how many ran and the outcomes.
fn forty(fail_fast: bool) -> (usize, Vec<Outcome>) {
    let ran = AtomicUsize::new(0);
    let items: Vec<usize> = (0..40).collect();
    // One thread: checks begin in order, so what is skipped is exact.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let outcomes = pool.install(|| {
        check_until_failure(
            &items,
            &Quiet,
            fail_fast,
            |&item| {
                ran.fetch_add(1, Ordering::Relaxed);
                let verdict = match item {
                    3 => Verdict::Fail(Failure {
                        why: FailureKind::Fault("boom".into()),
                        sections: Vec::new(),
                    }),
                    _ => Verdict::Pass,
                };
                judged(item, verdict)
            },
            |&item| {
                suite::not_run(
                    &crate::report::tests::case("t", &format!("c{item}")),
                    "b",
                    Against::Goldens,
                )
            },
        )
    });
    (ran.into_inner(), outcomes)
}

#[test]
fn fail_fast_skips_every_check_after_the_first_failure() {
    let (ran, outcomes) = forty(true);
    assert_eq!(ran, 4);
    assert_eq!(outcomes.len(), 40, "every check has an outcome");
    for outcome in &outcomes[4..] {
        let Verdict::Skip { why } = &outcome.verdict else {
            panic!("{:?} was run", outcome.case.id);
        };
        assert_eq!(why, suite::NOT_RUN_AFTER_FAILURE);
    }
    assert!(matches!(outcomes[3].verdict, Verdict::Fail(_)));
}

#[test]
fn without_fail_fast_every_check_runs() {
    let (ran, outcomes) = forty(false);
    assert_eq!(ran, 40);
    let failed = outcomes.iter().filter(|o| !o.verdict.is_ok()).count();
    assert_eq!(failed, 1);
    assert!(outcomes
        .iter()
        .all(|o| !matches!(o.verdict, Verdict::Skip { .. })));
}
