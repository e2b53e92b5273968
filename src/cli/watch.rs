//! The progress line of a fuzz campaign.

use closure_conformance::{fuzz, output};

/// The progress line of a fuzz campaign, on stderr: redrawn on a terminal, else
/// printed every ten seconds.
pub struct FuzzWatch {
    pub bar: Option<indicatif::ProgressBar>,
    last: std::sync::Mutex<std::time::Instant>,
}

impl FuzzWatch {
    pub fn new() -> FuzzWatch {
        use std::io::IsTerminal;
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        FuzzWatch {
            bar,
            last: std::sync::Mutex::new(std::time::Instant::now()),
        }
    }
}

impl fuzz::campaign::Watch for FuzzWatch {
    fn update(&self, stats: &fuzz::campaign::Stats) {
        match &self.bar {
            Some(bar) => bar.set_message(stats.line()),
            None => {
                let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
                if last.elapsed() >= std::time::Duration::from_secs(10) {
                    *last = std::time::Instant::now();
                    let _ = output::stderr(&format!("fuzz: {}\n", stats.line()));
                }
            }
        }
    }

    fn phase(&self, what: &str) {
        match &self.bar {
            Some(bar) => bar.set_message(what.to_string()),
            None => {
                let _ = output::stderr(&format!("fuzz: {what}\n"));
            }
        }
    }
}
