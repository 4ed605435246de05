//! A deterministic generator of news-like articles for the benchmarks: stories told by eight articles
//! over days (talks, a reported trip, in some stories its later denial), with names, places and topics
//! that vary from story to story. No data is needed.

#![allow(dead_code)] // each benchmark uses a different part of it

use dateline::corpus::Article;

const FIRST: &[&str] = &[
    "Anna", "Tomas", "Ingrid", "Piotr", "Marta", "Lars", "Elena", "David", "Sofia", "Omar",
    "Maria", "Jonas",
];
const SYLLABLES: &[&str] = &[
    "ber", "lin", "hal", "vor", "zel", "kow", "nov", "had", "mor", "ros", "var", "ka", "te", "su",
    "dri", "gan", "pol", "mir",
];
const ROLES: &[&str] = &[
    "Energy Minister",
    "government spokesman",
    "Foreign Minister",
    "union leader",
    "harbour master",
];
const PLACES: &[&str] = &[
    "Oslo", "Warsaw", "Vienna", "Geneva", "Gdansk", "Riga", "Helsinki", "Prague", "Lisbon",
    "Madrid", "Dublin", "Athens",
];
const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June"];
const TOPICS: &[&str] = &[
    "pipeline", "port", "railway", "bridge", "grid", "airport", "canal", "terminal", "dam",
    "tunnel",
];

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next(xs.len())]
    }
    /// An invented capitalised word of 2–3 syllables.
    fn word(&mut self) -> String {
        let n = 2 + self.next(2);
        let w: String = (0..n).map(|_| self.pick(SYLLABLES)).collect();
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}

/// One story, told by several articles over days: who, where, when, and what it is about.
struct Story {
    a: String,
    b: String,
    ra: &'static str,
    rb: &'static str,
    p: &'static str,
    q: &'static str,
    month: &'static str,
    day: usize,
    topic: String,
}

/// `n` articles of about 2–3 KB each, eight per story: talks reported over days, a reported trip, and in
/// some stories its later denial; names, places and topics vary from story to story.
pub fn corpus(n: usize) -> Vec<Article> {
    let mut r = Rng(42);
    let mut story = None;
    (0..n)
        .map(|i| {
            if i % 8 == 0 {
                story = Some(Story {
                    a: format!("{} {}", r.pick(FIRST), r.word()),
                    b: format!("{} {}", r.pick(FIRST), r.word()),
                    ra: r.pick(ROLES),
                    rb: r.pick(ROLES),
                    p: r.pick(PLACES),
                    q: r.pick(PLACES),
                    month: r.pick(MONTHS),
                    day: 1 + r.next(27),
                    topic: format!("{} {}", r.word(), r.pick(TOPICS)),
                });
            }
            let Some(s) = &story else { unreachable!("a story is made for the first article") };
            let Story { a, b, ra, rb, p, q, month: m, day: d, topic } = s;
            let surname = a.split(' ').nth(1).unwrap_or("");
            let mut text = format!(
                "---\ntitle: \"Talks on the {topic} in {p}\"\ndate: 2026-0{}-{:02}\nsource: Wire {}\n---\nMinisters hold talks on the {topic} in {p}\n\n",
                1 + (i % 48) / 8,
                1 + i % 8 + r.next(3),
                i % 17
            );
            for k in 0..5 {
                text.push_str(&format!(
                    "{ra} {a} met {rb} {b} in {p} on {m} {d} to discuss the {topic}, officials said. \
                     {surname} told reporters, “We made progress on the main questions about the {topic}.” \
                     According to people familiar with the plans, {b} is reportedly set to travel to {q} on {m} {} to sign the agreement. \
                     Critics say the deal is too costly, and the opposition has proposed a referendum, which the government rejected.\n\n",
                    (d + k) % 28 + 1
                ));
            }
            if i % 8 == 7 && r.next(2) == 0 {
                text.push_str(&format!("The spokesman denied reports that {b} plans to visit {q} on {m} {} to sign the {topic} agreement.\n\n", d % 28 + 1));
            }
            text.push_str("Leave a Reply\n");
            Article::from_text(format!("a{i:05}.md"), &text)
        })
        .collect()
}
