//! A small sorted set kept inline: the sets of an event's or a claim's arguments (its words, people,
//! places) hold a handful of items each, and hundreds of thousands of them are made in one resolve, so a
//! heap allocation (or a tree node) per set was the largest cost of the joins. Items are kept sorted and
//! unique; the first `N` live inside the value.

use smallvec::SmallVec;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SmallSet<T, const N: usize>(SmallVec<[T; N]>);

impl<T: Ord + Copy, const N: usize> SmallSet<T, N> {
    pub fn new() -> Self {
        SmallSet(SmallVec::new())
    }

    /// Adds `x`; false when it was already there.
    pub fn insert(&mut self, x: T) -> bool {
        match self.0.binary_search(&x) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, x);
                true
            }
        }
    }

    pub fn contains(&self, x: &T) -> bool {
        self.0.binary_search(x).is_ok()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The items the two sets share, in order (one walk through both sorted lists).
    pub fn common<'a>(&'a self, other: &'a Self) -> impl Iterator<Item = T> + 'a {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(a[i - 1]);
                    }
                }
            }
            None
        })
    }

    /// How many items the two sets share.
    pub fn shared(&self, other: &Self) -> usize {
        self.common(other).count()
    }

    pub fn is_disjoint(&self, other: &Self) -> bool {
        self.common(other).next().is_none()
    }
}

impl<T: Ord + Copy, const N: usize> Extend<T> for SmallSet<T, N> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for x in items {
            self.insert(x);
        }
    }
}

impl<T: Ord + Copy, const N: usize> FromIterator<T> for SmallSet<T, N> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut v: SmallVec<[T; N]> = items.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        SmallSet(v)
    }
}

impl<T: Ord + Copy, const N: usize, const K: usize> From<[T; K]> for SmallSet<T, N> {
    fn from(items: [T; K]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a, T, const N: usize> IntoIterator for &'a SmallSet<T, N> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::SmallSet;

    #[test]
    fn items_stay_sorted_and_unique_past_the_inline_room() {
        let mut s: SmallSet<u32, 2> = [5, 1].into();
        assert!(s.insert(3));
        assert!(!s.insert(1));
        s.extend([9, 0, 5]);
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), [0, 1, 3, 5, 9]);
        assert!(s.contains(&9) && !s.contains(&4));
        let t: SmallSet<u32, 2> = [9, 3, 4].into();
        assert_eq!(s.shared(&t), 2);
        assert_eq!(s.common(&t).collect::<Vec<_>>(), [3, 9]);
        assert!(!s.is_disjoint(&t));
        assert!(s.is_disjoint(&[2, 4].into()));
        assert!(SmallSet::<u32, 2>::new().is_disjoint(&t));
    }
}
