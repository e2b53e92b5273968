//! The one error of the line-based parsers (a case's header, a golden): the
//! 1-based number of the malformed line and what is wrong with it. Callers add the
//! file (`CaseError`, `GoldenError::Malformed`).

/// A malformed line: its 1-based number and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl ParseError {
    pub fn at(line: usize, message: String) -> ParseError {
        ParseError { line, message }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}
