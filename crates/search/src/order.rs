//! The order of results: relevance, distance or title, and the bounded heap that keeps one page's best hits while every match is counted.

use super::*;

/// A hit as ordered: (position in title order, score, planar distance).
pub(crate) type Ranked = (u32, f32, f32);

pub(crate) fn rank_order(sort: Sort, a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    match sort {
        Sort::Distance => a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)),
        Sort::Title => a.0.cmp(&b.0),
        Sort::Relevance => b.1.total_cmp(&a.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)),
    }
}

/// The best `keep` hits of a stream in the request's order, and how many there were: a text
/// search matches thousands, the page shows twenty, and most hits are turned away with one
/// comparison against the worst kept.
pub(crate) struct Best {
    keep: usize,
    sort: Sort,
    /// max-heap by rank order: the top is the worst kept
    heap: std::collections::BinaryHeap<HeapEntry>,
    pub(crate) total: usize,
}

struct HeapEntry(Ranked, Sort);

impl PartialEq for HeapEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for HeapEntry {}
impl PartialOrd for HeapEntry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapEntry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        rank_order(self.1, &self.0, &other.0)
    }
}

impl Best {
    pub(crate) fn new(keep: usize, sort: Sort) -> Self {
        Best { keep, sort, heap: std::collections::BinaryHeap::with_capacity(keep.min(1024) + 1), total: 0 }
    }

    pub(crate) fn offer(&mut self, hit: Ranked) {
        self.total += 1;
        if self.heap.len() < self.keep {
            self.heap.push(HeapEntry(hit, self.sort));
        } else if let Some(worst) = self.heap.peek() {
            if rank_order(self.sort, &hit, &worst.0).is_lt() {
                self.heap.pop();
                self.heap.push(HeapEntry(hit, self.sort));
            }
        }
    }

    /// The kept hits, best first.
    pub(crate) fn into_sorted(self) -> Vec<Ranked> {
        self.heap.into_sorted_vec().into_iter().map(|e| e.0).collect()
    }
}

#[cfg(test)]
mod best_tests {
    use super::*;

    #[test]
    pub(crate) fn keeps_the_best_in_order_and_counts_all() {
        let mut best = Best::new(3, Sort::Relevance);
        for (i, score) in [(0u32, 1.0f32), (1, 5.0), (2, 3.0), (3, 5.0), (4, 0.5), (5, 4.0)] {
            best.offer((i, score, f32::INFINITY));
        }
        assert_eq!(best.total, 6);
        // equal scores: title order (position) decides
        assert_eq!(best.into_sorted().iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 3, 5]);
        let mut near = Best::new(2, Sort::Distance);
        for (i, d) in [(0u32, 900.0f32), (1, 100.0), (2, 500.0), (3, 100.0)] {
            near.offer((i, 0.0, d));
        }
        assert_eq!(near.into_sorted().iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 3]);
        assert!(Best::new(5, Sort::Title).into_sorted().is_empty());
    }
}
