//! Which rows of a long list to put in the page: those in the scrolled viewport plus a few
//! beyond each edge, so a list of 10,000 annotations costs what a screenful costs.

use std::ops::Range;

/// The rows to render of `count` rows of `row_height` pixels, when the viewport shows
/// `viewport` pixels starting `offset` pixels into the list (negative before the list starts).
pub fn visible_rows(offset: f64, viewport: f64, row_height: f64, count: usize, overscan: usize) -> Range<usize> {
    let first = (offset / row_height).floor().max(0.0) as usize;
    let last = ((offset + viewport) / row_height).ceil().max(0.0) as usize;
    first.saturating_sub(overscan).min(count)..(last + overscan).min(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_viewport_and_a_margin_are_rendered() {
        assert_eq!(visible_rows(0.0, 520.0, 52.0, 10_000, 8), 0..18);
        assert_eq!(visible_rows(52_000.0, 520.0, 52.0, 10_000, 8), 992..1018);
        assert_eq!(visible_rows(-300.0, 520.0, 52.0, 10_000, 8), 0..13, "the list starts lower on the page");
        assert_eq!(visible_rows(519_000.0, 900.0, 52.0, 10_000, 8), 9972..10_000);
        assert_eq!(visible_rows(0.0, 900.0, 52.0, 3, 8), 0..3);
        assert_eq!(visible_rows(5_000.0, 900.0, 52.0, 3, 8), 3..3, "scrolled past a list that shrank");
    }
}
