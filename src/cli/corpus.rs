//! Which corpus a command uses, said on stderr when it is the built-in one, and the
//! `corpus` command that tells about it or writes it out (library: `corpus.rs`).

use super::{say, Outcome};
use clap::Args;
use closure_conformance::backend;
use closure_conformance::corpus;
use closure_conformance::error::Error;
use closure_conformance::output;
use std::path::{Path, PathBuf};
use std::sync::Once;

#[derive(Args)]
pub struct CorpusArgs {
    /// Write the built-in corpus (cases/, expected/, docs/) into DIR, a new
    /// directory or one without those folders; then add cases and run with `--root DIR`.
    #[arg(long, value_name = "DIR")]
    write: Option<PathBuf>,
}

/// The corpus directory for `--root` (`explicit`) or its absence; the first time
/// it is the built-in corpus, one line on stderr says so.
pub fn root(explicit: Option<&Path>) -> Result<PathBuf, Error> {
    static SAID: Once = Once::new();
    let root = corpus::resolve(explicit, &backend::default_home()).map_err(Error::Usage)?;
    if root.built_in {
        let mut said = Ok(());
        SAID.call_once(|| {
            said = output::stderr(&format!(
                "closure-conformance: corpus: the one built in ({} cases), at {}; \
                 `closure-conformance corpus --write DIR` writes it out\n",
                corpus::counts().0,
                root.path.display()
            ));
        });
        said?;
    }
    Ok(root.path)
}

/// `Err` with the refusal (its one line) when the corpus `explicit` selects is the
/// built-in one: for commands that write into the corpus, before they do anything.
pub fn refuse_built_in(explicit: Option<&Path>) -> Result<(), Error> {
    let root = corpus::resolve(explicit, &backend::default_home()).map_err(Error::Usage)?;
    corpus::refuse_changes(&root.path).map_err(Error::Usage)
}

/// `corpus`: what is built in; `corpus --write DIR`: write it out.
pub fn command(args: CorpusArgs) -> Outcome {
    let (cases, goldens) = corpus::counts();
    match args.write {
        Some(dir) => {
            let files = corpus::write_out(&dir).map_err(Error::Usage)?;
            say(&format!(
                "wrote the built-in corpus ({cases} cases, {goldens} goldens, {files} files) to {0}; \
                 run it with `closure-conformance --root {0}`\n",
                dir.display()
            ))?;
        }
        None => say(&format!(
            "built-in corpus {}: {cases} cases, {goldens} goldens; \
             `closure-conformance corpus --write DIR` writes it out\n",
            corpus::hash()
        ))?,
    }
    Ok(0)
}
