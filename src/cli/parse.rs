//! Values of command-line arguments that clap cannot parse alone.

pub fn parse_seeds(text: &str) -> Result<std::ops::Range<u64>, String> {
    let (a, b) = text
        .split_once("..")
        .ok_or_else(|| format!("expected A..B, e.g. 0..1000, not {text:?}"))?;
    let number = |s: &str| {
        s.trim()
            .parse::<u64>()
            .map_err(|_| format!("{s:?} is not a seed (a whole number)"))
    };
    let (a, b) = (number(a)?, number(b)?);
    if a >= b {
        return Err(format!("the range {a}..{b} holds no seed"));
    }
    Ok(a..b)
}

pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(text.len()),
    );
    let value: f64 = number
        .parse()
        .map_err(|_| format!("expected a duration such as 90s or 10m, not {text:?}"))?;
    let seconds = match unit {
        "" | "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(format!("unknown unit {unit:?} in {text:?} (use s, m or h)")),
    };
    if !(seconds > 0.0 && seconds.is_finite()) {
        return Err(format!("{text:?} is not a positive duration"));
    }
    Ok(std::time::Duration::from_secs_f64(seconds))
}
