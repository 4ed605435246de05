//! How alike two articles are, to tell which tell one story: each article is profiled by the people and
//! organisations it names (as resolved across the corpus) and the content words of its lead, each weighted
//! by how rare it is in the corpus (IDF) and by how often the article repeats it; two articles are as
//! alike as the cosine of their profiles. A name or word found in one article only tells nothing about
//! another and is left out, and so is one found in most articles.

use super::DocEntry;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// Every article's profile: (key, weight) pairs sorted by key, of unit length. A key is an actor's index,
/// or a lead word's number with the top bit set.
pub struct Profiles {
    of: Vec<Box<[(u32, f32)]>>,
}

/// The top bit of a key: a lead word, not an actor.
const WORD: u32 = 1 << 31;

/// Articles of a group compared with another's (the first ones).
pub const GROUP_SAMPLE: usize = 8;

/// Articles a name or word is looked up in when finding alike articles ([`Profiles::neighbours`]): one
/// found in more is too common to tell a story by (and a corpus that repeats one name in thousands of
/// articles stays linear).
const MAX_POSTINGS: usize = 32;

impl Profiles {
    /// The profiles of `docs`, whose actor mentions resolve to actors through `actor_of`.
    pub fn new(docs: &[Arc<DocEntry>], actor_of: &[Vec<Option<usize>>]) -> Profiles {
        // each article's keys, with how often it names each
        let counts: Vec<Vec<(u32, u32)>> = docs
            .par_iter()
            .zip(actor_of)
            .map(|(d, actors)| {
                let mut keys: Vec<u32> = actors
                    .iter()
                    .flatten()
                    .filter_map(|&a| u32::try_from(a).ok().filter(|a| a & WORD == 0))
                    .chain(d.facts.lead_words.iter().map(|w| w.get() | WORD))
                    .collect();
                keys.sort_unstable();
                let mut counted: Vec<(u32, u32)> = Vec::with_capacity(keys.len());
                for k in keys {
                    match counted.last_mut() {
                        Some((last, n)) if *last == k => *n += 1,
                        _ => counted.push((k, 1)),
                    }
                }
                counted
            })
            .collect();
        let mut df: HashMap<u32, u32> = HashMap::default();
        for c in &counts {
            for &(k, _) in c {
                *df.entry(k).or_default() += 1;
            }
        }
        let n = docs.len() as f32;
        let of = counts
            .into_par_iter()
            .map(|c| {
                let mut v: Vec<(u32, f32)> = c
                    .into_iter()
                    .filter_map(|(k, times)| {
                        let df = df.get(&k).copied().unwrap_or(0);
                        // in one article only, or in most: no help in telling stories apart
                        (df >= 2 && 2 * df <= docs.len() as u32).then(|| {
                            let idf = (n / df as f32).ln();
                            (k, (1.0 + (times as f32).ln()) * idf)
                        })
                    })
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut v {
                        *w /= norm;
                    }
                }
                v.into_boxed_slice()
            })
            .collect();
        Profiles { of }
    }

    /// How alike articles `a` and `b` are, from 0 (nothing in common) to 1.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        let (Some(x), Some(y)) = (self.of.get(a), self.of.get(b)) else {
            return 0.0;
        };
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// How alike two groups of articles are: the mean similarity of their pairs, over at most
    /// [`GROUP_SAMPLE`] articles of each.
    pub fn group_similarity(&self, a: &[usize], b: &[usize]) -> f32 {
        let (a, b) = (
            &a[..a.len().min(GROUP_SAMPLE)],
            &b[..b.len().min(GROUP_SAMPLE)],
        );
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let sum: f32 = a
            .iter()
            .flat_map(|&x| b.iter().map(move |&y| self.similarity(x, y)))
            .sum();
        sum / (a.len() * b.len()) as f32
    }

    /// For each article, the other articles at least `min` alike it, most alike first, at most `max`:
    /// found through the names and words they share that are in at most [`MAX_POSTINGS`] articles, then
    /// measured with all of them (the twice `max` most alike by the former).
    pub fn neighbours(&self, min: f32, max: usize) -> Vec<Box<[u32]>> {
        let mut postings: HashMap<u32, Vec<(u32, f32)>> = HashMap::default();
        for (d, v) in self.of.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            for &(k, w) in v.iter() {
                postings.entry(k).or_default().push((d, w));
            }
        }
        postings.retain(|_, p| p.len() <= MAX_POSTINGS);
        // what each article shares with the others through the names and words looked up, added up in a
        // table of all articles (one per thread, cleared after each article); the most alike by that are
        // then measured with all their names and words
        (0..self.of.len())
            .into_par_iter()
            .map_init(
                || (vec![0.0f32; self.of.len()], Vec::new()),
                |(shared, met), a| {
                    for &(k, w) in self.of[a].iter() {
                        for &(b, wb) in postings.get(&k).map_or(&[][..], Vec::as_slice) {
                            if b as usize == a {
                                continue;
                            }
                            let slot = &mut shared[b as usize];
                            if *slot == 0.0 {
                                met.push(b);
                            }
                            *slot += w * wb;
                        }
                    }
                    let mut best: Vec<(f32, u32)> = met
                        .drain(..)
                        .map(|b| (std::mem::take(&mut shared[b as usize]), b))
                        .collect();
                    if best.len() > 2 * max {
                        best.select_nth_unstable_by(2 * max, |x, y| {
                            y.0.total_cmp(&x.0).then(x.1.cmp(&y.1))
                        });
                        best.truncate(2 * max);
                    }
                    let mut alike: Vec<(f32, u32)> = best
                        .into_iter()
                        .map(|(_, b)| (self.similarity(a, b as usize), b))
                        .filter(|&(s, _)| s >= min)
                        .collect();
                    alike.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                    alike.truncate(max);
                    alike.into_iter().map(|(_, b)| b).collect()
                },
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    /// The profiles of `texts`, with every actor mention its own actor by name.
    fn profiles_of(texts: &[&str]) -> Profiles {
        let docs: Vec<Arc<DocEntry>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Arc::new(DocEntry::new(Article::from_text(format!("{i}.txt"), t))))
            .collect();
        let (_, actor_of) = super::super::actors::resolve(&docs, &[]);
        Profiles::new(&docs, &actor_of)
    }

    const FERRY_A: &str = "Ferry Nordlys runs aground off Varnholm\n\nCaptain Ida Strand said the ferry \
        struck rocks near the Varnholm lighthouse.\n";
    const FERRY_B: &str = "Varnholm ferry refloated after grounding\n\nCaptain Ida Strand thanked the crews \
        who freed the Nordlys ferry from the rocks.\n";
    const BUDGET: &str = "Council approves school budget\n\nMayor Karl Holm said teachers would get new \
        laptops.\n";
    const MARKET: &str = "Fish prices climb at winter market\n\nTrader Lise Berg blamed the cold for \
        thin catches.\n";

    #[test]
    fn articles_naming_the_same_people_in_the_same_words_are_alike_and_others_are_not() {
        let p = profiles_of(&[FERRY_A, FERRY_B, BUDGET, MARKET]);
        assert!(
            (p.similarity(0, 0) - 1.0).abs() < 1e-4,
            "an article is itself"
        );
        assert!(p.similarity(0, 1) > 0.5, "{}", p.similarity(0, 1));
        assert_eq!(p.similarity(0, 2), 0.0, "nothing shared");
        assert_eq!(p.group_similarity(&[0], &[1, 2]), p.similarity(0, 1) / 2.0);
        let near = p.neighbours(0.25, 8);
        assert_eq!(&near[0][..], &[1]);
        assert_eq!(&near[1][..], &[0]);
        assert!(near[2].is_empty() && near[3].is_empty());
    }

    #[test]
    fn a_word_in_one_article_only_or_in_most_tells_nothing() {
        // "harbour" is in three of four articles, "gale" in one: neither makes two articles alike
        let p = profiles_of(&[
            "Harbour gale\n\nA gale hit the harbour.\n",
            "Harbour reopens\n\nThe harbour reopened.\n",
            "Harbour fees\n\nFees at the harbour rose.\n",
            "Library hours\n\nThe library opens late.\n",
        ]);
        assert_eq!(p.similarity(0, 1), 0.0);
        assert_eq!(p.similarity(0, 3), 0.0);
    }
}
