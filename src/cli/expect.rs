//! The commands about expectations and pending changes: `--expectations` on a run,
//! `accept` and `review` (library: `expectations.rs`, `accept.rs`, `review.rs`).

use super::args::{ColorWhen, Common};
use super::{say, status, Outcome};
use clap::Args;
use closure_conformance::error::Error;
use closure_conformance::review::{self, Decision};
use closure_conformance::session::{backend_info, Session, TerminalProgress};
use closure_conformance::{accept, expectations, output, report};
use std::io::{BufRead as _, IsTerminal as _};
use std::path::PathBuf;

#[derive(Args, Clone, Default)]
pub struct ExpectArgs {
    /// A backend's known divergences, from FILE instead of
    /// <root>/expectations/<NAME>.toml (repeatable): NAME=FILE, or a FILE named
    /// <NAME>.toml (docs/expectations.md).
    #[arg(long = "expectations", value_name = "NAME=FILE", value_parser = expectations::parse_arg)]
    pub files: Vec<(String, PathBuf)>,
}

impl ExpectArgs {
    /// Adds the expectations of the session's backends to its cases' marks.
    pub fn apply(&self, session: &mut Session) -> Result<(), Error> {
        expectations::apply(session, &self.files)
    }
}

#[derive(Args)]
pub struct AcceptArgs {
    /// Only cases whose id or path contains one of these (entries of the others are kept).
    filters: Vec<String>,
    /// Backends whose divergences to accept (repeatable) [default: those given with
    /// --interpreter]. A reference CPython cannot be one: refresh its goldens with regen.
    #[arg(long = "backend", short)]
    backends: Vec<String>,
    /// Write <file>.pending, for `review`, instead of the file.
    #[arg(long)]
    pending: bool,
    #[command(flatten)]
    expect: ExpectArgs,
    #[command(flatten)]
    common: Common,
}

pub fn accept(args: AcceptArgs) -> Outcome {
    let names: Vec<String> = if args.backends.is_empty() {
        args.common
            .interpreter
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    } else {
        args.backends.clone()
    };
    if names.is_empty() {
        return Err(Error::Usage(
            "accept needs a backend: --interpreter NAME=COMMAND or --backend NAME".into(),
        ));
    }
    let session = args.common.open(&args.filters, &names)?;
    for backend in &session.backends {
        accept::refuse_reference(backend)?;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = report::timestamp(now)[..10].to_string();
    let palette = args.common.palette();
    let mut all_accepted = session.bad_cases.is_empty();
    for (name, path, _) in expectations::files(&session, &args.expect.files)? {
        let Some(backend) = session.backends.iter().find(|b| b.name == name) else {
            continue;
        };
        let reason = accept::new_reason(&backend_info(backend).build, &day);
        let progress = TerminalProgress::new();
        let accepted = accept::accept(&session, backend, &path, &reason, args.pending, &progress)?;
        say(&accept::render(&accepted, palette))?;
        all_accepted &= accepted.refused.is_empty();
    }
    Ok(status(all_accepted))
}

#[derive(Args)]
pub struct ReviewArgs {
    /// Accept every pending change.
    #[arg(long, conflicts_with_all = ["reject_all", "accept", "reject"])]
    accept_all: bool,
    /// Reject (delete) every pending change.
    #[arg(long, conflicts_with_all = ["accept", "reject"])]
    reject_all: bool,
    /// Accept the pending change of this case (its id) or expectations file (its
    /// backend) (repeatable).
    #[arg(long, value_name = "NAME")]
    accept: Vec<String>,
    /// Reject the pending change of this case or expectations file (repeatable).
    #[arg(long, value_name = "NAME")]
    reject: Vec<String>,
    /// Expectations files outside <root>/expectations to review (as for `run`).
    #[command(flatten)]
    expect: ExpectArgs,
    /// Directory holding cases/, expected/ and expectations/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// When to color output (NO_COLOR is honored by `auto`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    color: ColorWhen,
}

pub fn review(args: ReviewArgs) -> Outcome {
    let palette = args.color.palette();
    let items = review::find(&args.root, &args.expect.files);
    let mut decided: Vec<(&review::Item, Decision)> = Vec::new();
    if args.accept_all || args.reject_all {
        let decision = if args.accept_all {
            Decision::Accept
        } else {
            Decision::Reject
        };
        decided.extend(items.iter().map(|i| (i, decision)));
    } else if !args.accept.is_empty() || !args.reject.is_empty() {
        let accepted = review::select(&items, &args.accept).map_err(Error::Usage)?;
        let rejected = review::select(&items, &args.reject).map_err(Error::Usage)?;
        if let Some(both) = accepted.iter().find(|i| rejected.contains(i)) {
            return Err(Error::Usage(format!(
                "{} is both accepted and rejected",
                both.name
            )));
        }
        decided.extend(accepted.into_iter().map(|i| (i, Decision::Accept)));
        decided.extend(rejected.into_iter().map(|i| (i, Decision::Reject)));
    } else if std::io::stdin().is_terminal() {
        for item in &items {
            say(&item.diff(palette))?;
            if let Some(decision) = ask(&item.name)? {
                decided.push((item, decision));
            }
        }
    } else {
        for item in &items {
            say(&item.diff(palette))?;
        }
        if items.is_empty() {
            say("review: nothing pending\n")?;
            return Ok(0);
        }
        say(&format!(
            "review: {} pending; decide with --accept-all, --reject-all, or --accept/--reject NAME\n",
            items.len()
        ))?;
        return Ok(status(items.is_empty()));
    }
    let (mut accepted, mut rejected) = (0, 0);
    for (item, decision) in &decided {
        item.decide(*decision).map_err(|source| Error::Write {
            path: item.real.clone(),
            source,
        })?;
        let verb = match decision {
            Decision::Accept => {
                accepted += 1;
                "accepted"
            }
            Decision::Reject => {
                rejected += 1;
                "rejected"
            }
        };
        say(&format!("{verb} {}\n", item.shown))?;
    }
    say(&format!(
        "review: {accepted} accepted, {rejected} rejected, {} left pending\n",
        items.len() - decided.len()
    ))?;
    Ok(0)
}

/// Asks on the terminal what to do with one change; `None` skips it.
fn ask(name: &str) -> Result<Option<Decision>, Error> {
    loop {
        output::stderr(&format!("{name}: [a]ccept, [r]eject or [s]kip? "))?;
        let mut line = String::new();
        let read = std::io::stdin().lock().read_line(&mut line);
        match read.map(|n| (n, line.trim())) {
            Ok((0, _)) => return Ok(None),
            Ok((_, "a")) => return Ok(Some(Decision::Accept)),
            Ok((_, "r")) => return Ok(Some(Decision::Reject)),
            Ok((_, "s")) => return Ok(None),
            Ok(_) => continue,
            Err(e) => return Err(Error::Output(e)),
        }
    }
}
