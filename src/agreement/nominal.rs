//! Chance-corrected agreement on nominal labels: Cohen's κ for two annotators and
//! Krippendorff's α for any number with missing values. Values are small integers (an
//! article interns its label strings); both measures are kept as counts that add up over
//! articles with a weight, which is what the corpus figures and the bootstrap need.

/// Cohen's κ = (p_o − p_e) / (1 − p_e) from paired values, or `None` when undefined (no pairs,
/// or both annotators used a single value: p_e = 1).
pub fn cohen_kappa(pairs: &[(u32, u32)]) -> Option<f64> {
    let mut counts = KappaCounts::default();
    for &(a, b) in pairs {
        counts.add_pair(a, b);
    }
    counts.kappa()
}

/// Krippendorff's α for nominal data: `units[u][c]` is coder `c`'s value for unit `u`, `None`
/// when missing. Units with fewer than two values are not pairable and are left out, as in
/// Krippendorff (2011). `None` when undefined (fewer than two pairable values, or a single
/// value used throughout, so no disagreement is expected).
pub fn krippendorff_alpha(units: &[Vec<Option<u32>>]) -> Option<f64> {
    let mut counts = AlphaCounts::default();
    for unit in units {
        let values: Vec<u32> = unit.iter().flatten().copied().collect();
        counts.add_unit(&values);
    }
    counts.alpha()
}

/// Counts behind κ: items, items agreed on, and each annotator's use of each value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KappaCounts {
    pub items: f64,
    pub agreed: f64,
    pub first: Vec<f64>,
    pub second: Vec<f64>,
}

impl KappaCounts {
    pub fn add_pair(&mut self, a: u32, b: u32) {
        self.items += 1.0;
        if a == b {
            self.agreed += 1.0;
        }
        bump(&mut self.first, a, 1.0);
        bump(&mut self.second, b, 1.0);
    }

    /// Adds `other` `weight` times, its values renamed by `map` (local value → shared value).
    pub fn add_scaled(&mut self, other: &KappaCounts, weight: f64, map: &[u32]) {
        self.items += weight * other.items;
        self.agreed += weight * other.agreed;
        for (v, n) in other.first.iter().enumerate() {
            bump(&mut self.first, map[v], weight * n);
        }
        for (v, n) in other.second.iter().enumerate() {
            bump(&mut self.second, map[v], weight * n);
        }
    }

    pub fn kappa(&self) -> Option<f64> {
        if self.items <= 0.0 {
            return None;
        }
        let observed = self.agreed / self.items;
        let expected: f64 = self.first.iter().zip(&self.second).map(|(a, b)| (a / self.items) * (b / self.items)).sum();
        // A tolerance, since weighted sums of fractions need not reach 1 exactly.
        (expected < 1.0 - 1e-12).then(|| (observed - expected) / (1.0 - expected))
    }
}

/// Counts behind α: the coincidences between different values (Σ_{c≠k} o_ck) and how often
/// each value was pairable (n_c). α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlphaCounts {
    pub disagreeing: f64,
    pub values: Vec<f64>,
}

impl AlphaCounts {
    /// One unit's values (missing ones left out). Each ordered pair of values from different
    /// coders adds 1 / (m − 1) to the coincidences, m being the unit's number of values.
    pub fn add_unit(&mut self, values: &[u32]) {
        let m = values.len();
        if m < 2 {
            return;
        }
        let mut different = 0usize;
        for (i, a) in values.iter().enumerate() {
            different += values.iter().enumerate().filter(|(j, b)| *j != i && *b != a).count();
            bump(&mut self.values, *a, 1.0);
        }
        self.disagreeing += different as f64 / (m - 1) as f64;
    }

    pub fn add_scaled(&mut self, other: &AlphaCounts, weight: f64, map: &[u32]) {
        self.disagreeing += weight * other.disagreeing;
        for (v, n) in other.values.iter().enumerate() {
            bump(&mut self.values, map[v], weight * n);
        }
    }

    /// The number of pairable values, n.
    pub fn pairable(&self) -> f64 {
        self.values.iter().sum()
    }

    pub fn alpha(&self) -> Option<f64> {
        let n = self.pairable();
        let expected = n * n - self.values.iter().map(|c| c * c).sum::<f64>();
        (n > 1.0 && expected > 1e-9).then(|| 1.0 - (n - 1.0) * self.disagreeing / expected)
    }
}

fn bump(counts: &mut Vec<f64>, value: u32, by: f64) {
    let v = value as usize;
    if counts.len() <= v {
        counts.resize(v + 1, 0.0);
    }
    counts[v] += by;
}
