//! Normalizations: each one a named rule that removes one kind of run-to-run noise
//! from a rendered observation before it is compared or written as a golden.
//!
//! Rules are deliberately few and narrow: anything a rule erases can no longer be
//! caught as a divergence.

use crate::observation::Rendered;
use regex::Regex;
use std::sync::LazyLock;

pub struct Rule {
    pub name: &'static str,
    pub why: &'static str,
    apply: fn(&str) -> String,
}

pub static RULES: &[Rule] = &[
    Rule {
        name: "memory-address",
        why: "default reprs (`<function f at 0x7f…>`, `<cell at 0x…: int object at 0x…>`) embed addresses that change every run",
        apply: memory_address,
    },
];

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bat 0x[0-9a-fA-F]+").unwrap());

fn memory_address(text: &str) -> String {
    ADDRESS.replace_all(text, "at 0x…").into_owned()
}

/// Applies every rule to every section.
pub fn normalize(mut rendered: Rendered) -> Rendered {
    for section in rendered.sections.iter_mut() {
        for rule in RULES {
            *section = (rule.apply)(section);
        }
    }
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_address_replaces_addresses_in_reprs() {
        assert_eq!(
            memory_address("<cell at 0x7f2cd98db1c8: int object at 0x7F2CD9847960>"),
            "<cell at 0x…: int object at 0x…>"
        );
        assert_eq!(
            memory_address("<function f.<locals>.g at 0xa05c4ac>"),
            "<function f.<locals>.g at 0x…>"
        );
    }

    #[test]
    fn memory_address_leaves_other_hex_alone() {
        for text in [
            "0x1f",
            "flags 0x13",
            "hex(255) = 0xff",
            "what0x1f",
            "data0x7f00aa",
        ] {
            assert_eq!(memory_address(text), text);
        }
    }

    #[test]
    fn every_rule_has_a_name_and_a_reason() {
        for rule in RULES {
            assert!(!rule.name.is_empty() && !rule.why.is_empty());
        }
    }

    #[test]
    fn normalize_applies_to_every_section() {
        let mut rendered = Rendered::default();
        for section in rendered.sections.iter_mut() {
            *section = "x at 0xdeadbeef\n".into();
        }
        let normalized = normalize(rendered);
        assert!(normalized.sections.iter().all(|s| s == "x at 0x…\n"));
    }
}
