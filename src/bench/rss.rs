//! The peak memory of a benchmark mode: the resident size of its process and
//! every process below it, summed from /proc.

/// The size of a memory page, in bytes.
pub fn page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size > 0 {
        size as u64
    } else {
        4096
    }
}

/// Resident memory of `root` and all its descendants, in bytes, from /proc.
pub fn tree_rss(root: u32, page: u64) -> u64 {
    let mut parents = std::collections::HashMap::new();
    let mut rss = std::collections::HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let (Ok(stat), Ok(statm)) = (
            std::fs::read_to_string(entry.path().join("stat")),
            std::fs::read_to_string(entry.path().join("statm")),
        ) else {
            continue;
        };
        // The parent pid is the second field after the parenthesized command name.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
        let resident = statm
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<u64>().ok());
        if let (Some(ppid), Some(resident)) = (ppid, resident) {
            parents.insert(pid, ppid);
            rss.insert(pid, resident * page);
        }
    }
    rss.iter()
        .filter(|(pid, _)| {
            let mut current = **pid;
            for _ in 0..64 {
                if current == root {
                    return true;
                }
                match parents.get(&current) {
                    Some(&parent) if parent != current => current = parent,
                    _ => return false,
                }
            }
            false
        })
        .map(|(_, bytes)| bytes)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_rss_counts_this_process() {
        assert!(tree_rss(std::process::id(), page_size()) > 1 << 20);
        assert_eq!(tree_rss(u32::MAX, page_size()), 0);
    }
}
