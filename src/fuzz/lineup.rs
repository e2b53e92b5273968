//! Who a campaign runs: the backends to fuzz and the CPython reference of each
//! one's language version; or, across versions, each CPython reference against
//! the one before it.

use super::campaign::Pair;
use crate::backend::Backend;
use crate::error::Error;
use crate::session::Session;
use crate::version::PyVersion;

pub struct Lineup {
    pub targets: Vec<(Backend, PyVersion)>,
    pub references: Vec<(Backend, PyVersion)>,
    /// Backends left out, and why.
    pub notes: Vec<String>,
    pub cross_version: bool,
}

impl Lineup {
    /// `names` (none: every available backend that is not a CPython reference),
    /// each with its version's reference; or every reference, for `cross_version`.
    /// With `reference`, every target is judged against that backend instead (a
    /// differential across versions when theirs differ).
    pub fn new(
        session: &Session,
        names: &[String],
        cross_version: bool,
        reference: Option<&str>,
    ) -> Result<Lineup, Error> {
        let found = &session.discovery;
        let references = found.references();
        let chosen = match reference {
            Some(name) => Some(
                found
                    .select(&[name.to_string()])
                    .map_err(Error::UnknownBackend)?
                    .remove(0),
            ),
            None => None,
        };
        let start = |spec: &crate::backend::Spec| -> Result<(Backend, PyVersion), Error> {
            let backend = Backend::start(spec.clone(), &session.options);
            let version = backend.language().map_err(|why| Error::Backend {
                name: backend.name.clone(),
                why,
            })?;
            Ok((backend, version))
        };
        let mut notes = Vec::new();
        if cross_version {
            let mut all = Vec::new();
            for spec in references.values() {
                all.push(start(spec)?);
            }
            if all.len() < 2 {
                return Err(Error::Usage(
                    "--cross-version needs references of two Python versions at least".into(),
                ));
            }
            return Ok(Lineup {
                targets: all[1..]
                    .iter()
                    .map(|(b, v)| (Backend::start(b.spec.clone(), &session.options), *v))
                    .collect(),
                references: all,
                notes,
                cross_version,
            });
        }
        let specs = if names.is_empty() {
            found
                .available
                .iter()
                .filter(|s| !s.kind.is_reference())
                .cloned()
                .collect()
        } else {
            found.select(names).map_err(Error::UnknownBackend)?
        };
        let mut targets = Vec::new();
        let mut refs: Vec<(Backend, PyVersion)> = Vec::new();
        for spec in specs {
            let (backend, version) = start(&spec)?;
            let reference = match &chosen {
                Some(chosen) => Some(chosen),
                None => references.get(&version).copied(),
            };
            let Some(reference) = reference else {
                notes.push(format!(
                    "{}: no CPython {version} reference here (scripts/install-references installs them)",
                    backend.name
                ));
                continue;
            };
            if reference.name == backend.name {
                notes.push(format!(
                    "{}: it is the reference of {version} (compare references with --cross-version)",
                    backend.name
                ));
                continue;
            }
            if !refs.iter().any(|(r, _)| r.name == reference.name) {
                refs.push(start(reference)?);
            }
            targets.push((backend, version));
        }
        if targets.is_empty() {
            return Err(Error::Usage(format!(
                "nothing to fuzz: {}",
                if notes.is_empty() {
                    "no backend besides the references".to_string()
                } else {
                    notes.join("; ")
                }
            )));
        }
        Ok(Lineup {
            targets,
            references: refs,
            notes,
            cross_version,
        })
    }

    /// Each target with the backend it is judged against.
    pub fn pairs(&self) -> Vec<Pair<'_>> {
        if self.cross_version {
            return self
                .targets
                .iter()
                .zip(&self.references)
                .map(|((target, version), (reference, _))| Pair {
                    target,
                    reference,
                    version: *version,
                })
                .collect();
        }
        self.targets
            .iter()
            .map(|(target, version)| Pair {
                target,
                reference: &self
                    .references
                    .iter()
                    .find(|(_, v)| v == version || self.references.len() == 1)
                    .expect("every target has its reference")
                    .0,
                version: *version,
            })
            .collect()
    }
}
