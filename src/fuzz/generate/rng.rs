//! The random numbers behind every choice, and the weight tables they pick from.

use super::GENERATOR_VERSION;

/// SplitMix64: small, and fixed forever, so a seed means the same program on every
/// machine and with every version of every dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_c105_u64.wrapping_mul(GENERATOR_VERSION as u64))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One entry of a weight table, each with probability weight/total: a single
    /// `below(total)`, mapped onto the entries in their order. The order and the
    /// weights are part of what a seed means (GENERATOR_VERSION).
    pub fn weighted<T: Copy>(&mut self, table: &[(T, usize)]) -> T {
        let total = table.iter().map(|(_, weight)| weight).sum();
        let mut roll = self.below(total);
        for &(item, weight) in table {
            if roll < weight {
                return item;
            }
            roll -= weight;
        }
        unreachable!("a roll below the total falls on an entry")
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn the_rng_is_fixed() {
        // The same seed must mean the same program on every machine, forever (for
        // this GENERATOR_VERSION): these values are pinned.
        let mut rng = Rng::new(0);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64() % 1000).collect();
        assert_eq!(first, PINNED);
    }

    const PINNED: [u64; 3] = [318, 946, 617];

    #[test]
    fn a_weight_table_is_one_draw_mapped_onto_its_entries_in_order() {
        let table = [('a', 4), ('b', 1), ('c', 3)];
        for seed in 0..200 {
            let mut plain = Rng::new(seed);
            let mut weighted = Rng::new(seed);
            let expected = match plain.below(8) {
                0..=3 => 'a',
                4 => 'b',
                _ => 'c',
            };
            assert_eq!(weighted.weighted(&table), expected, "seed {seed}");
            assert_eq!(weighted.next_u64(), plain.next_u64(), "one draw only");
        }
    }
}
