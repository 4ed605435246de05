//! A deterministic generator of news-like articles for the benchmarks: stories told by eight articles
//! over days (talks, a reported trip, in some stories its later denial), with names, places and topics
//! that vary from story to story. No data is needed.

#![allow(dead_code)] // each benchmark uses a different part of it

use dateline::analysis::lexicon::lexicon;
use dateline::corpus::Article;

const FIRST: &[&str] = &[
    "Anna", "Tomas", "Ingrid", "Piotr", "Marta", "Lars", "Elena", "David", "Sofia", "Omar",
    "Maria", "Jonas", "Karin", "Pavel", "Nadia", "Henrik", "Irena", "Mikel", "Ewa", "Stefan",
    "Laura", "Milan", "Greta", "Andrzej", "Helena", "Viktor", "Dora", "Emil", "Agata", "Rui",
    "Noor", "Hugo",
];
const SYLLABLES: &[&str] = &[
    "ber", "lin", "hal", "vor", "zel", "kow", "nov", "had", "mor", "ros", "var", "ka", "te", "su",
    "dri", "gan", "pol", "mir", "sen", "dal", "bro", "ve", "ni", "tar", "lo", "qui", "mes", "ek",
];
/// Syllables of the names of things (bridges, ports), apart from people's so that the two never collide.
const THING_SYLLABLES: &[&str] = &[
    "al", "ur", "ond", "ist", "eb", "ux", "arn", "oon", "ix", "um", "amb", "orr",
];
const ROLES: &[&str] = &[
    "Energy Minister",
    "government spokesman",
    "Foreign Minister",
    "union leader",
    "harbour master",
    "Transport Minister",
    "chief executive",
    "Finance Minister",
];
const PLACES: &[&str] = &[
    "Oslo",
    "Warsaw",
    "Vienna",
    "Geneva",
    "Gdansk",
    "Riga",
    "Helsinki",
    "Prague",
    "Lisbon",
    "Madrid",
    "Dublin",
    "Athens",
    "Tallinn",
    "Vilnius",
    "Bergen",
    "Krakow",
    "Porto",
    "Seville",
    "Lyon",
    "Turin",
    "Hamburg",
    "Malmo",
    "Aarhus",
    "Graz",
    "Brno",
    "Split",
    "Cork",
    "Tampere",
    "Bilbao",
    "Antwerp",
    "Rotterdam",
    "Zurich",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const TOPICS: &[&str] = &[
    "pipeline", "port", "railway", "bridge", "grid", "airport", "canal", "terminal", "dam",
    "tunnel",
];
const OUTLETS: &[&str] = &[
    "Baltic Wire",
    "Nordic Times",
    "The Harbour Post",
    "Central Courier",
    "Evening Ledger",
    "Coastal Herald",
    "The Daily Meridian",
    "Riverside Gazette",
    "Northern Observer",
];
/// Officials who recur across stories (a newsroom's archive keeps meeting the same ministers).
const RECURRING: usize = 96;
/// Articles an archive gains a day: the corpus spans time in proportion to its size, as an archive does.
const ARTICLES_A_DAY: usize = 100;

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
    /// An invented capitalised word of 2–3 syllables: a surname, never a place's name ("Berlin").
    fn word(&mut self) -> String {
        loop {
            let w = self.word_of(SYLLABLES);
            if !lexicon().places.contains_key(&w.to_lowercase()) {
                return w;
            }
        }
    }

    /// An invented capitalised word of 2–3 of these syllables.
    fn word_of(&mut self, syllables: &[&str]) -> String {
        let n = 2 + self.next(2);
        let w: String = (0..n).map(|_| self.pick(syllables)).collect();
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
    /// The day the talks were held, and the day of the reported trip.
    held: jiff::civil::Date,
    trip: jiff::civil::Date,
    topic: String,
}

/// "March 9".
fn month_day(d: jiff::civil::Date) -> String {
    format!("{} {}", MONTHS[d.month() as usize - 1], d.day())
}

/// `n` articles of about 2–3 KB each, eight per story: talks reported over days, a reported trip, and in
/// some stories its later denial. Half the stories have one of a few recurring officials, the rest
/// people of their own; places and topics vary from story to story, and the corpus spans time as an
/// archive does (about 100 articles a day from 1 January 2024).
pub fn corpus(n: usize) -> Vec<Article> {
    corpus_seeded(n, 42)
}

/// [`corpus`] from another seed: the same shape, other names, places, topics and dates.
pub fn corpus_seeded(n: usize, seed: u64) -> Vec<Article> {
    let mut r = Rng(seed);
    let recurring: Vec<(String, &'static str)> = (0..RECURRING)
        .map(|_| (format!("{} {}", r.pick(FIRST), r.word()), r.pick(ROLES)))
        .collect();
    let start = jiff::civil::date(2024, 1, 1);
    let mut story = None;
    (0..n)
        .map(|i| {
            if i % 8 == 0 {
                let held = start
                    .checked_add(jiff::Span::new().days((i / ARTICLES_A_DAY) as i64))
                    .unwrap_or(start);
                let (a, ra) = if r.next(2) == 0 {
                    recurring[r.next(RECURRING)].clone()
                } else {
                    (format!("{} {}", r.pick(FIRST), r.word()), r.pick(ROLES))
                };
                story = Some(Story {
                    a,
                    b: format!("{} {}", r.pick(FIRST), r.word()),
                    ra,
                    rb: r.pick(ROLES),
                    p: r.pick(PLACES),
                    q: r.pick(PLACES),
                    held,
                    trip: held
                        .checked_add(jiff::Span::new().days(3 + r.next(9) as i64))
                        .unwrap_or(held),
                    topic: format!("{} {}", r.word_of(THING_SYLLABLES), r.pick(TOPICS)),
                });
            }
            let Some(s) = &story else { unreachable!("a story is made for the first article") };
            let Story { a, b, ra, rb, p, q, held, trip, topic } = s;
            // the story is told over the days after the talks
            let date = held
                .checked_add(jiff::Span::new().days((i % 8 / 2 + r.next(2)) as i64))
                .unwrap_or(*held);
            let surname = a.split(' ').nth(1).unwrap_or("");
            let outlet = OUTLETS[i % OUTLETS.len()];
            let mut text = format!(
                "---\ntitle: \"Talks on the {topic} in {p}\"\ndate: {date}\nsource: {outlet}\n---\nMinisters hold talks on the {topic} in {p}\n\nBy {} {}, {outlet}\n\n",
                r.pick(FIRST),
                r.word(),
            );
            let year = date.year();
            let (held, trip) = (month_day(*held), month_day(*trip));
            let b_surname = b.split(' ').nth(1).unwrap_or("");
            let other = r.pick(PLACES);
            let paragraphs = [
                format!("{}{} {a} met {rb} {b} in {p} on {held} to discuss the {topic}, officials said. \
                         {surname} told reporters, “We made progress on the main questions about the {topic}.”",
                        ra[..1].to_uppercase(), &ra[1..]),
                format!("According to people familiar with the plans, {b} is reportedly set to travel to {q} on {trip} to sign the agreement. \
                         Critics say the deal is too costly, and the opposition has proposed a referendum, which the government rejected."),
                format!("The {topic} has been debated since {}, when a first plan was shelved after protests in {other}. \
                         Its cost is put at {} million euros, and the work would take {} years, according to the ministry.",
                        year - 1 - r.next(6) as i16, 100 + 10 * r.next(90), 2 + r.next(5)),
                format!("{b_surname}'s office did not answer questions about the timetable. \
                         A second round of talks is planned in {other} later this year, the ministry said, and unions in {p} have threatened a strike over the plan."),
                format!("{b} is expected to sign the deal in {q} on {trip}, two officials said on condition of anonymity. \
                         The agreement would settle how the cost is shared and who runs the {topic} once it opens."),
                format!("Business groups in {p} welcomed the talks. “The region has waited for the {topic} long enough,” said {} {}, who chairs the local chamber of commerce. \
                         Environmental groups have asked for a new study of its effect on the coast.",
                        r.pick(FIRST), r.word()),
                format!("{surname} is due to report to parliament on the talks next week. \
                         Opposition members have asked to see the draft agreement before it is signed, and the committee will hear the unions in {}.",
                        MONTHS[r.next(12)]),
            ];
            for para in &paragraphs {
                text.push_str(para);
                text.push_str("\n\n");
            }
            if i % 8 == 7 && r.next(2) == 0 {
                text.push_str(&format!("The spokesman denied reports that {b} plans to visit {q} on {trip} to sign the {topic} agreement.\n\n"));
            }
            text.push_str(&format!(
                "Share this article\n\nRelated: Unions in {other} plan protest over {topic} costs\n\n\
                 We use cookies to improve your experience on {outlet}. Accept all cookies\n\n\
                 Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
            ));
            Article::from_text(format!("a{i:05}.md"), &text)
        })
        .collect()
}
