//! The header of a case: the leading run of `# key: value` lines (see
//! docs/case-format.md). Every malformed line is an error naming its line, so a
//! typo in a divergence mark can never silently turn a failure into a pass.

use super::{Divergence, Header, VersionNote, GIB, MEMORY_LIMITS, MIB};
use crate::backend::Kind;
use crate::observation::Section;
use crate::parse_error::ParseError;
use std::time::Duration;

const KNOWN_KEYS: &str =
    "description, source, rules, timeout, memory, requires, diverges, reference-bug, cause, note, identity, same-cause";

/// Parses the header block; the error is its first problem, with a 1-based line
/// number.
pub fn parse_header(source: &str) -> Result<Header, ParseError> {
    parse_header_fully(source).map_err(|mut errors| errors.remove(0))
}

/// Parses the header block; the error is every problem it has (at least one), in
/// line order, so that one run reports them all.
pub fn parse_header_fully(source: &str) -> Result<Header, Vec<ParseError>> {
    let mut header = Header::default();
    let (mut description, mut origin, mut rules) = (None, None, None);
    let mut last_line = 0;
    let mut errors = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let number = index + 1;
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        last_line = number;
        if comment.starts_with('!') && number == 1 {
            continue; // a shebang line is allowed before the header
        }
        let mut one_line = || -> Result<(), ParseError> {
            let Some((key, value)) = comment.split_once(':') else {
                return Err(ParseError::at(
                    number,
                    format!("header line is not `# key: value`: {line:?}"),
                ));
            };
            let (key, value) = (key.trim(), value.trim());
            if value.is_empty() {
                return Err(ParseError::at(
                    number,
                    format!("header key `{key}` has no value"),
                ));
            }
            let once = |slot: &mut Option<String>| -> Result<(), ParseError> {
                if slot.replace(value.to_string()).is_some() {
                    return Err(ParseError::at(
                        number,
                        format!("header key `{key}` given twice"),
                    ));
                }
                Ok(())
            };
            match key {
                "description" => once(&mut description)?,
                "source" => once(&mut origin)?,
                "rules" => once(&mut rules)?,
                "timeout" => {
                    let seconds: f64 = value
                        .parse()
                        .ok()
                        .filter(|s: &f64| *s > 0.0 && *s <= 600.0)
                        .ok_or(ParseError::at(
                            number,
                            format!("timeout must be seconds in (0, 600], got {value:?}"),
                        ))?;
                    if header
                        .timeout
                        .replace(Duration::from_secs_f64(seconds))
                        .is_some()
                    {
                        return Err(ParseError::at(
                            number,
                            "header key `timeout` given twice".into(),
                        ));
                    }
                }
                "memory" => {
                    let bytes = parse_memory(value).map_err(|m| ParseError::at(number, m))?;
                    if header.memory.replace(bytes).is_some() {
                        return Err(ParseError::at(
                            number,
                            "header key `memory` given twice".into(),
                        ));
                    }
                }
                "requires" => {
                    let note = parse_version_note(value).map_err(|m| ParseError::at(number, m))?;
                    if header.requires.replace(note).is_some() {
                        return Err(ParseError::at(
                            number,
                            "header key `requires` given twice".into(),
                        ));
                    }
                }
                "diverges" => header
                    .divergences
                    .push(parse_divergence(value).map_err(|m| ParseError::at(number, m))?),
                "reference-bug" => header.reference_bugs.push(
                    super::parse_reference_bug(value).map_err(|m| ParseError::at(number, m))?,
                ),
                "cause" => {
                    let cause = super::parse_cause(value).map_err(|m| ParseError::at(number, m))?;
                    if header.cause.replace(cause).is_some() {
                        return Err(ParseError::at(
                            number,
                            "header key `cause` given twice".into(),
                        ));
                    }
                }
                "note" => header.notes.push(value.to_string()),
                "identity" => {
                    if header.identity.replace(value.to_string()).is_some() {
                        return Err(ParseError::at(
                            number,
                            "header key `identity` given twice".into(),
                        ));
                    }
                }
                "same-cause" => match value.split_once(": ") {
                    Some((backend, what)) if !backend.is_empty() && !what.is_empty() => {
                        header.same_cause.push(value.to_string())
                    }
                    _ => {
                        return Err(ParseError::at(
                            number,
                            format!("`same-cause:` takes `<backend>: <identity>`, got {value:?}"),
                        ))
                    }
                },
                _ => {
                    return Err(ParseError::at(
                        number,
                        format!("unknown header key `{key}` (known: {KNOWN_KEYS})"),
                    ))
                }
            }
            Ok(())
        };
        if let Err(error) = one_line() {
            errors.push(error);
        }
    }
    // The keys it lacks, in one error.
    let lacking: Vec<String> = [
        (description.is_none(), "description"),
        (origin.is_none(), "source"),
        (rules.is_none(), "rules"),
    ]
    .iter()
    .filter(|(lacks, _)| *lacks)
    .map(|(_, what)| format!("`# {what}: …`"))
    .collect();
    if !lacking.is_empty() {
        let message = format!("header lacks {}", lacking.join(", "));
        errors.push(ParseError::at(last_line.max(1), message));
    }
    header.description = description.unwrap_or_default();
    header.source = origin.unwrap_or_default();
    if let Some(rules) = rules {
        header.rules = rules.split(',').map(|r| r.trim().to_string()).collect();
    }
    if let Some(bad) = header.rules.iter().find(|r| !is_rule_id(r)) {
        errors.push(ParseError::at(
            1,
            format!("rule id {bad:?} is not `topic/slug`"),
        ));
    }
    match errors.is_empty() {
        true => Ok(header),
        false => Err(errors),
    }
}

fn is_rule_id(id: &str) -> bool {
    let ok = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    matches!(id.split_once('/'), Some((topic, slug)) if ok(topic) && ok(slug))
}

/// `512 MiB`, `8 GiB`, `1.5 GiB`: a memory size in bytes (rounded down to a whole
/// byte), within `MEMORY_LIMITS`.
pub fn parse_memory(value: &str) -> Result<u64, String> {
    let bad = || {
        format!(
            "memory must be `<number> MiB` or `<number> GiB` from 16 MiB to 64 GiB (e.g. `512 MiB`, `8 GiB`), got {value:?}"
        )
    };
    let (number, unit) = match value.trim().strip_suffix("MiB") {
        Some(number) => (number, MIB),
        None => match value.trim().strip_suffix("GiB") {
            Some(number) => (number, GIB),
            None => return Err(bad()),
        },
    };
    let number = number.trim();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || number.ends_with('.') {
        return Err(bad());
    }
    // Exact decimal arithmetic: 0.1 GiB is 107374182 bytes, not a float's guess.
    let scale = 10u128.checked_pow(fraction.len() as u32);
    let bytes = format!("{whole}{fraction}")
        .parse::<u128>()
        .ok()
        .zip(scale)
        .and_then(|(n, scale)| n.checked_mul(u128::from(unit)).map(|n| n / scale));
    match bytes.and_then(|b| u64::try_from(b).ok()) {
        Some(bytes) if MEMORY_LIMITS.contains(&bytes) => Ok(bytes),
        _ => Err(bad()),
    }
}

fn parse_version_note(value: &str) -> Result<VersionNote, String> {
    let (spec, why) = value.split_once(' ').unwrap_or((value, ""));
    let why = why.trim().trim_start_matches(['—', '-', ':']).trim();
    if why.is_empty() {
        return Err("`requires:` needs a reason after the version spec: `<spec> — <why>`".into());
    }
    Ok(VersionNote {
        spec: spec.parse()?,
        why: why.to_string(),
    })
}

fn parse_divergence(value: &str) -> Result<Divergence, String> {
    let (target, reason) = value
        .split_once(':')
        .ok_or("`diverges:` takes `<backend> [<section>,…]: <reason>`")?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err("a known divergence needs a reason".into());
    }
    let mut words = target.trim().splitn(2, char::is_whitespace);
    let backend = words.next().unwrap_or_default().to_string();
    if backend.is_empty() {
        return Err("`diverges:` names no backend".into());
    }
    if !Kind::is_markable(&backend) {
        return Err(format!(
            "`diverges:` names an unknown backend `{backend}` (known: {}, or one of their \
             backends such as cpython-3.12 or rustpython-0.6.0)",
            Kind::markable()
                .map(Kind::name)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let sections = match words.next() {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|s| s.trim().parse::<Section>())
            .collect::<Result<_, _>>()?,
    };
    Ok(Divergence {
        backend,
        sections,
        reason: reason.to_string(),
        entry: None,
    })
}
