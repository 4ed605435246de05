//! Actor identity across the corpus: full names grouped by surname and given name (nicknames and
//! transliterations folded: Mike = Michael, Sergey = Sergei, but Sergey Lavrov is not Sergei Ryabkov),
//! spelling variants of the surname (Zelensky = Zelenskyy), surname-only mentions resolved to the person of
//! that surname in the same article or else in the corpus (a capitalised word nothing marks as a name, only
//! in an article keeping that person's company when it names anyone in full), organisations by canonical
//! name. The corpus's actor registry (`dateline.toml`) comes first: a mention written as a registered name
//! or alias is that actor, and its full names and surname take part in the grouping like any other.

use super::{DocEntry, MentionRef};
use crate::analysis::lexicon::{lexicon, phrase_key};
use crate::analysis::{ActorKind, ActorRule};
use crate::corpus::settings_file::RegisteredActor;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A role and where it was stated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRef {
    pub text: String,
    pub doc: usize,
    /// The actor mention (index in its document) and the role's index among that mention's roles:
    /// where it was stated, found without keeping an offset in the joins.
    pub mention: usize,
    pub role: usize,
}

/// One real person or organisation.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<RoleRef>,
    pub mentions: Vec<MentionRef>,
    /// Its entry in the corpus's actor registry, when it has one.
    pub registered: Option<usize>,
}

/// How an explanation names what two sides share: "shared actor Tomasz Wierzbicki", "shared participants
/// Ingrid Halvorsen and 1 more" (`names` of the `total` shared, `noun` in the singular), or only the count
/// when no name is known.
pub fn shared_names(noun: &str, names: &[&str], total: usize) -> String {
    let more = total.saturating_sub(names.len());
    match (names.len(), more) {
        (0, _) => format!("{total} shared {noun}(s)"),
        (1, 0) => format!("shared {noun} {}", names[0]),
        (_, 0) => format!("shared {noun}s {}", names.join(", ")),
        _ => format!("shared {noun}s {} and {more} more", names.join(", ")),
    }
}

/// Folds spelling variants of a surname: case, diacritics, doubled letters, -iy/-yy/-i endings.
pub fn surname_key(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'š' => 's',
            'ž' => 'z',
            'č' => 'c',
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    for (end, repl) in [("iy", "y"), ("yi", "y"), ("ij", "y"), ("ii", "y")] {
        if let Some(base) = out.strip_suffix(end) {
            return format!("{base}{repl}");
        }
    }
    if out.len() > 4
        && let Some(base) = out.strip_suffix('i')
        && base.ends_with(['k', 's', 'n'])
    {
        return format!("{base}y");
    }
    out
}

/// Suffixes after a surname that tell a generation, not a family ("Jr", "Sr", "III").
const GENERATIONS: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "jnr"];

fn words_of(name: &str) -> Vec<String> {
    phrase_key(name)
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "." && *w != "-")
        .map(String::from)
        .collect()
}

/// Words that end a facility's name and may be left out or exchanged: the Betty Ford Center is the Betty
/// Ford Centre, the Betty Ford Clinic and the Betty Ford Treatment Center, and Morningside Recovery the
/// Morningside Recovery Center.
pub const FACILITY_HEADS: [&str; 8] = [
    "center",
    "centre",
    "clinic",
    "hospital",
    "facility",
    "rehab",
    "treatment",
    "recovery",
];

/// An organisation's name words without the facility words that end it ([`FACILITY_HEADS`]), as long as two
/// words remain: "Lincoln Center" stays as it is.
fn facility_key(words: &[String]) -> &[String] {
    let mut n = words.len();
    while n > 2 && FACILITY_HEADS.contains(&words[n - 1].as_str()) {
        n -= 1;
    }
    &words[..n]
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}

/// The key a team is known by through its plural name alone ("the Colts"): the word as written, not
/// folded as a surname is.
fn team_key(plural: &str) -> String {
    format!("team:{plural}")
}

/// Whether a mention names an organisation by one plural word in capitals ("COLTS"): perhaps a team
/// known by that plural name.
fn shouted_plural(m: &crate::analysis::ActorMention) -> bool {
    m.kind == ActorKind::Organization
        && !m.name.contains(' ')
        && m.name.chars().all(|c| c.is_ascii_uppercase())
        && crate::analysis::names::plural_name(&m.name.to_lowercase())
}

/// The identity keys of one actor mention.
enum Keyed {
    /// A full name or an organisation: its key, a person's surname key or a team's plural name
    /// ([`team_key`]), and a person's middle initials ("hw" in "George H.W. Bush").
    Full {
        key: String,
        surname: Option<String>,
        initials: Option<String>,
    },
    /// A single name: its surname key (none without a word), and its key as a one-word organisation.
    Single {
        surname: Option<String>,
        org: String,
    },
}

impl Keyed {
    fn of(m: &crate::analysis::ActorMention) -> Keyed {
        Keyed::of_name(&m.name, m.kind)
    }

    fn of_name(name: &str, kind: ActorKind) -> Keyed {
        let lex = lexicon();
        let words = words_of(name);
        match kind {
            ActorKind::Organization => {
                let canon = lex.orgs.get(&phrase_key(name)).copied();
                // a team or group is also known by its plural name alone: "the Colts" for the
                // Indianapolis Colts
                let plural = words
                    .last()
                    .filter(|w| words.len() >= 2 && crate::analysis::names::plural_name(w));
                // and a ship by its name alone: "Sukanya" for INS Sukanya
                let ship = (words.len() == 2 && crate::analysis::names::names_a_ship(name))
                    .then(|| surname_key(&words[1]));
                Keyed::Full {
                    key: format!(
                        "org:{}",
                        canon.map_or_else(|| facility_key(&words).join(" "), phrase_key)
                    ),
                    surname: plural.map(|w| team_key(w)).or(ship),
                    initials: None,
                }
            }
            ActorKind::Person if words.len() >= 2 => {
                // "Joseph Comeaux Jr.": the surname is the word before a generational suffix
                let mut words = words;
                while words.len() > 2 && GENERATIONS.contains(&words[words.len() - 1].as_str()) {
                    words.pop();
                }
                let given = lex.given_name_key(&words[0]);
                let sk = words.last().map(|l| surname_key(l)).unwrap_or_default();
                // the letters between the given name and the surname, when all are initials
                let middle = &words[1..words.len() - 1];
                let letters: Vec<&str> = middle
                    .iter()
                    .flat_map(|w| w.split('.'))
                    .filter(|l| !l.is_empty())
                    .collect();
                let initials = (!letters.is_empty()
                    && letters.iter().all(|l| l.chars().count() == 1))
                .then(|| letters.concat());
                Keyed::Full {
                    key: format!("per:{given}:{sk}"),
                    surname: Some(sk),
                    initials,
                }
            }
            _ => Keyed::Single {
                // a generational suffix alone ("Jr.") is no one's surname
                surname: words
                    .last()
                    .filter(|l| !GENERATIONS.contains(&l.as_str()))
                    .map(|l| surname_key(l)),
                org: format!("org:{}", words.join(" ")),
            },
        }
    }
}

#[derive(Default)]
struct Builder {
    kind: Option<ActorKind>,
    /// The middle initials of its full names, once one has them (see [`Keyed::Full`]).
    initials: Option<String>,
    registered: Option<usize>,
    forms: BTreeMap<String, usize>,
    first_seen: Vec<String>,
    mentions: Vec<MentionRef>,
    roles: Vec<RoleRef>,
}

/// The actor kept under `key`, a new one of `kind` when there is none.
fn keyed_builder(
    by_key: &mut HashMap<String, usize>,
    builders: &mut Vec<Builder>,
    key: &str,
    kind: ActorKind,
) -> usize {
    if let Some(&id) = by_key.get(key) {
        return id;
    }
    builders.push(Builder {
        kind: Some(kind),
        ..Default::default()
    });
    by_key.insert(key.to_string(), builders.len() - 1);
    builders.len() - 1
}

/// Articles of a candidate for a surname alone looked at to tell the company it keeps (see [`resolve`]).
const COMPANY_SAMPLE: usize = 32;

/// Resolves every actor mention to an actor, the registered ones (`registry`) first. Returns the actors
/// (the registered ones first, in the registry's order, mentioned or not) and, per document, the actor of
/// each mention.
pub fn resolve(
    docs: &[Arc<DocEntry>],
    registry: &[RegisteredActor],
) -> (Vec<Actor>, Vec<Vec<Option<usize>>>) {
    let lex = lexicon();
    let mut builders: Vec<Builder> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    let mut actor_of: Vec<Vec<Option<usize>>> = docs
        .iter()
        .map(|d| vec![None; d.facts.actors.len()])
        .collect();
    let mut pending: Vec<MentionRef> = Vec::new();
    // organisations named by one plural word in capitals, resolved once every team is known
    let mut shouted: Vec<MentionRef> = Vec::new();

    // 0. the registry: a name or alias as written names its actor; its full names and surname key the
    // mentions written otherwise ("Mike Dorsey" for a registered "Michael Dorsey", "Dorsey")
    let mut by_alias: HashMap<String, usize> = HashMap::default();
    for (k, r) in registry.iter().enumerate() {
        builders.push(Builder {
            kind: Some(r.kind),
            registered: Some(k),
            ..Default::default()
        });
        let id = builders.len() - 1;
        for form in std::iter::once(&r.name).chain(&r.aliases) {
            by_alias.insert(phrase_key(form), id);
            if let Keyed::Full { key, surname, .. } = Keyed::of_name(form, r.kind) {
                by_key.entry(key).or_insert(id);
                if let Some(sk) = surname {
                    let ids = by_surname.entry(sk).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
    }
    let registered = |name: &str| -> Option<usize> {
        if by_alias.is_empty() {
            return None;
        }
        by_alias.get(&phrase_key(name)).copied()
    };

    // the keys of every mention, made for all articles in parallel
    let keyed: Vec<Vec<Keyed>> = docs
        .par_iter()
        .map(|d| d.facts.actors.iter().map(Keyed::of).collect())
        .collect();
    // the mentions of each article that are names only by their capitals and open with a common word
    let common_first = common_first_words(docs);
    let mut weak: Vec<MentionRef> = Vec::new();
    // 1. full names and organisations
    for (di, d) in docs.iter().enumerate() {
        // the middle initials the article gives each full name ("John Adler" after "John T. Adler")
        let initials_here: HashMap<&str, &str> = keyed[di]
            .iter()
            .filter_map(|k| match k {
                Keyed::Full {
                    key,
                    initials: Some(i),
                    ..
                } => Some((key.as_str(), i.as_str())),
                _ => None,
            })
            .collect();
        for (mi, m) in d.facts.actors.iter().enumerate() {
            if let Some(id) = registered(&m.name) {
                actor_of[di][mi] = Some(id);
                continue;
            }
            let Keyed::Full {
                key,
                surname,
                initials,
            } = &keyed[di][mi]
            else {
                pending.push((di, mi));
                continue;
            };
            if shouted_plural(m) {
                shouted.push((di, mi));
                continue;
            }
            if common_first[di].contains(&mi) {
                weak.push((di, mi));
                continue;
            }
            // other middle initials, another person: George H.W. Bush is not George W. Bush, though
            // "George Bush" may be either (the one its article names with initials, else the first of
            // them the corpus names)
            let initials: Option<&str> = initials
                .as_deref()
                .or_else(|| initials_here.get(key.as_str()).copied());
            let with_initials = initials.as_ref().map(|i| format!("{key}:{i}"));
            let found = match (
                with_initials.as_ref().and_then(|k| by_key.get(k)),
                by_key.get(key),
            ) {
                (Some(&id), _) => Some(id),
                (None, Some(&id)) => match (builders[id].initials.as_deref(), initials) {
                    (Some(theirs), Some(mine)) if theirs != mine => None,
                    _ => Some(id),
                },
                (None, None) => None,
            };
            let id = match found {
                Some(id) => {
                    if builders[id].initials.is_none() && initials.is_some() {
                        builders[id].initials = initials.map(String::from);
                        if let Some(k) = &with_initials {
                            by_key.insert(k.clone(), id);
                        }
                    }
                    id
                }
                None => {
                    builders.push(Builder {
                        kind: Some(m.kind),
                        initials: initials.map(String::from),
                        ..Default::default()
                    });
                    let id = builders.len() - 1;
                    by_key.entry(key.clone()).or_insert(id);
                    if let Some(k) = with_initials {
                        by_key.insert(k, id);
                    }
                    if let Some(sk) = surname {
                        by_surname.entry(sk.clone()).or_default().push(id);
                    }
                    id
                }
            };
            actor_of[di][mi] = Some(id);
        }
    }
    // 1a. a name only its capitals made a person's, opening with a word the corpus writes in lower case
    // ("Gold Edition", "Power Reserve", "Internet Explorer"): the person a stronger rule named so, else
    // no one
    for (di, mi) in weak {
        if let Keyed::Full { key, .. } = &keyed[di][mi] {
            actor_of[di][mi] = by_key.get(key).copied();
        }
    }
    // 1b. a plural name in capitals ("COLTS" in a headline in capitals) is the team called so, the one
    // its article names in full before another; else an organisation of its own ("DRAKE")
    for (di, mi) in shouted {
        let m = &docs[di].facts.actors[mi];
        let Keyed::Full { key, .. } = &keyed[di][mi] else {
            continue;
        };
        let teams = by_surname.get(&team_key(&m.name.to_lowercase()));
        let team = teams.and_then(|c| {
            c.iter()
                .copied()
                .find(|t| actor_of[di].contains(&Some(*t)))
                .or(c.first().copied())
        });
        let id = team.unwrap_or_else(|| keyed_builder(&mut by_key, &mut builders, key, m.kind));
        actor_of[di][mi] = Some(id);
    }
    // 2. single names: the person of that surname in the same article, else the most mentioned in the corpus
    let mut mention_count: Vec<usize> = vec![0; builders.len()];
    for row in &actor_of {
        for id in row.iter().flatten() {
            mention_count[*id] += 1;
        }
    }
    // the actors each article names in full, sorted
    let actors_in_doc: Vec<Vec<usize>> = actor_of
        .par_iter()
        .map(|row| {
            let mut ids: Vec<usize> = row.iter().flatten().copied().collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    // the role nouns stated with each actor's full names ("president" for George W. Bush)
    let mut titles: Vec<Vec<String>> = vec![Vec::new(); builders.len()];
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.facts.actors.iter().enumerate() {
            if let Some(id) = actor_of[di][mi] {
                for noun in role_nouns(m) {
                    if !titles[id].contains(&noun) {
                        titles[id].push(noun);
                    }
                }
            }
        }
    }
    // the actors a full name of which a first name, a title, an apposition, an age or an annotation
    // makes a person's: more than capitals alone
    let mut named_a_person: Vec<bool> = vec![false; builders.len()];
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.facts.actors.iter().enumerate() {
            if let Some(id) = actor_of[di][mi]
                && m.name.contains(' ')
                && matches!(
                    m.rule,
                    ActorRule::KnownFirstName
                        | ActorRule::TitleBeforeName
                        | ActorRule::TitleOrApposition
                        | ActorRule::AgeOrWho
                        | ActorRule::Annotated
                )
            {
                named_a_person[id] = true;
            }
        }
    }
    // the articles that name each actor in full (in order)
    let mut docs_of: Vec<Vec<usize>> = vec![Vec::new(); builders.len()];
    for (di, ids) in actors_in_doc.iter().enumerate() {
        for &id in ids {
            docs_of[id].push(di);
        }
    }
    // whether an article naming `c` in full names an actor article `di` names too: the company a
    // candidate keeps ("Bush" beside Obama is the president, beside the Saints the running back). Asked
    // only of a candidate `di` does not name in full, so none of those articles is `di` itself.
    let keeps_company = |c: usize, di: usize| -> bool {
        let mine = &actors_in_doc[di];
        docs_of[c].iter().take(COMPANY_SAMPLE).any(|&d| {
            actors_in_doc[d]
                .iter()
                .any(|&a| a != c && mine.binary_search(&a).is_ok())
        })
    };
    for (di, mi) in pending {
        let m = &docs[di].facts.actors[mi];
        let Keyed::Single {
            surname: Some(sk),
            org,
        } = &keyed[di][mi]
        else {
            continue;
        };
        // a surname, else a team's plural name as written ("Colts"; "Access" is not the Purple Aces,
        // though surname keys fold doubled letters)
        let team = org.strip_prefix("org:").map(team_key).unwrap_or_default();
        if let Some(cands) = by_surname.get(sk).or_else(|| by_surname.get(&team)) {
            let here: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|c| actors_in_doc[di].binary_search(c).is_ok())
                .collect();
            // among several, those called by this mention's title ("President Bush": the Bush stated
            // to be a president, not the most mentioned one); of those, one named elsewhere in the
            // company of an actor this article names over one never seen with any; the most mentioned
            let mine = role_nouns(m);
            let titled = |c: &usize| titles[*c].iter().any(|t| mine.contains(t));
            let most_mentioned = |pool: &[usize], in_company: bool| {
                let called: Vec<usize> = pool.iter().copied().filter(titled).collect();
                let pool = if called.is_empty() { pool } else { &called };
                if let [only] = pool {
                    return Some(*only);
                }
                pool.iter().copied().max_by_key(|&c| {
                    let met = in_company && keeps_company(c, di);
                    (met, mention_count[c], std::cmp::Reverse(c))
                })
            };
            let pick = match here.len() {
                1 => Some(here[0]),
                // a capitalised word nothing marks as a name ("Internet", "Web") is a person of another
                // article only when a first name, a title or an apposition made that one a person, or
                // that article keeps the same company, if it keeps any: capitals alone made "ADSL
                // Internet" a person (a team's plural name is the team's wherever it is written)
                0 if m.kind == ActorKind::Unknown && !actors_in_doc[di].is_empty() => {
                    let met: Vec<usize> = cands
                        .iter()
                        .copied()
                        .filter(|&c| {
                            builders[c].kind != Some(ActorKind::Person)
                                || named_a_person[c]
                                || keeps_company(c, di)
                        })
                        .collect();
                    most_mentioned(&met, true)
                }
                0 => most_mentioned(cands, true),
                _ => most_mentioned(&here, false),
            };
            actor_of[di][mi] = pick;
            continue;
        }
        // an organisation named by one word elsewhere ("Kremlin")
        if let Some(&id) = by_key.get(org) {
            actor_of[di][mi] = Some(id);
            continue;
        }
        // a titled surname with no full name anywhere: a person known by one name
        if m.kind == ActorKind::Person {
            let key = format!("per::{sk}");
            let id = keyed_builder(&mut by_key, &mut builders, &key, ActorKind::Person);
            actor_of[di][mi] = Some(id);
        }
    }
    // 3. build
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.facts.actors.iter().enumerate() {
            let Some(id) = actor_of[di][mi] else { continue };
            let b = &mut builders[id];
            // most mentions repeat a form already seen: no copy of it then
            match b.forms.get_mut(&*m.name) {
                Some(n) => *n += 1,
                None => {
                    b.forms.insert(m.name.to_string(), 1);
                    b.first_seen.push(m.name.to_string());
                }
            }
            b.mentions.push((di, mi));
            for (ri, r) in m.roles.iter().enumerate() {
                if !b.roles.iter().any(|x| x.text.eq_ignore_ascii_case(&r.text)) {
                    b.roles.push(RoleRef {
                        text: r.text.clone(),
                        doc: di,
                        mention: mi,
                        role: ri,
                    });
                }
            }
        }
    }
    let mut actors = Vec::with_capacity(builders.len());
    let mut ids: HashMap<String, usize> = HashMap::default();
    // the registry's ids are taken first: an inferred actor never gets one of them
    for r in registry {
        ids.insert(r.id.clone(), 1);
    }
    for b in builders {
        if let Some(k) = b.registered {
            let r = &registry[k];
            // the registry's names, then the other forms the articles write
            let mut aliases: Vec<String> = r.aliases.clone();
            for f in b.forms.keys() {
                if *f != r.name && !aliases.contains(f) {
                    aliases.push(f.clone());
                }
            }
            actors.push(Actor {
                id: r.id.clone(),
                name: r.name.clone(),
                kind: r.kind,
                aliases,
                roles: b.roles,
                mentions: b.mentions,
                registered: Some(k),
            });
            continue;
        }
        let kind = b.kind.unwrap_or(ActorKind::Person);
        let lex_canon = (kind == ActorKind::Organization)
            .then(|| {
                b.forms
                    .keys()
                    .find_map(|f| lex.orgs.get(&phrase_key(f)).copied())
            })
            .flatten();
        // the fullest form, the most frequent among those, the first seen among equals
        let name = lex_canon.map(str::to_string).unwrap_or_else(|| {
            b.first_seen
                .iter()
                .enumerate()
                .max_by_key(|(i, f)| {
                    (
                        f.split_whitespace().count().min(2),
                        b.forms.get(*f).copied().unwrap_or(0),
                        std::cmp::Reverse(*i),
                    )
                })
                .map(|(_, f)| f.clone())
                .unwrap_or_default()
        });
        let mut aliases: Vec<String> = b.forms.keys().filter(|f| **f != name).cloned().collect();
        // a person is also known by surname alone ("Lavrov" for Sergey Lavrov; "Varga" for Joseph
        // Varga Jr.)
        if kind == ActorKind::Person
            && let Some(surname) = name
                .split_whitespace()
                .rev()
                .find(|w| !GENERATIONS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
            && surname != name
            && !aliases.iter().any(|a| a == surname)
        {
            aliases.push(surname.to_string());
            aliases.sort();
        }
        let base = slug(&name);
        let n = ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        actors.push(Actor {
            id,
            name,
            kind,
            aliases,
            roles: b.roles,
            mentions: b.mentions,
            registered: None,
        });
    }
    (actors, actor_of)
}

/// For each article, the person mentions (by index) that only their capitals made names of two words or
/// more ([`ActorRule::CapitalisedName`]) and whose first word some article of the corpus writes in lower
/// case inside its text: "gold" in "Gold Edition", "internet" in "Internet Explorer". A given name no
/// lexicon knows is rarely such a word. Words in links and addresses ("/raj-chohan-dies") are not read.
fn common_first_words(docs: &[Arc<DocEntry>]) -> Vec<Vec<usize>> {
    let first_word = |m: &crate::analysis::ActorMention| -> Option<String> {
        (m.rule == ActorRule::CapitalisedName && m.kind == ActorKind::Person)
            .then(|| {
                m.name
                    .split_whitespace()
                    .nth(1)
                    .and(m.name.split_whitespace().next())
            })
            .flatten()
            .map(str::to_lowercase)
            // a particle or a form of address opens a name whatever else it is ("Van Rompuy", "Bin
            // Laden", "Miss Jenkin")
            .filter(|w| {
                !crate::analysis::names::PARTICLES.contains(w)
                    && !["miss", "mister", "sir", "dame", "lady", "lord"].contains(&w.as_str())
            })
    };
    let candidates: rustc_hash::FxHashSet<String> = docs
        .iter()
        .flat_map(|d| d.facts.actors.iter().filter_map(first_word))
        .collect();
    if candidates.is_empty() {
        return vec![Vec::new(); docs.len()];
    }
    let written_lower: rustc_hash::FxHashSet<String> = docs
        .par_iter()
        .map(|d| {
            let body = d.article.text.get(d.article.body_start..).unwrap_or("");
            let mut found: Vec<String> = Vec::new();
            for token in body.split_whitespace() {
                if token.contains(['/', '@', '_']) || token.contains("www.") {
                    continue;
                }
                for w in token.split(|c: char| !c.is_alphabetic()) {
                    if w.starts_with(|c: char| c.is_lowercase())
                        && candidates.contains(w)
                        && !found.iter().any(|f| f == w)
                    {
                        found.push(w.to_string());
                    }
                }
            }
            found
        })
        .flatten()
        .collect();
    docs.iter()
        .map(|d| {
            d.facts
                .actors
                .iter()
                .enumerate()
                .filter(|(_, m)| first_word(m).is_some_and(|w| written_lower.contains(&w)))
                .map(|(mi, _)| mi)
                .collect()
        })
        .collect()
}

/// The role nouns stated with an actor mention, lower-cased ("president" for "then-President"); none from
/// a nickname ("known as “The Chairman”").
fn role_nouns(m: &crate::analysis::ActorMention) -> Vec<String> {
    let lex = lexicon();
    m.roles
        .iter()
        .filter(|r| r.pattern != "nickname")
        .flat_map(|r| r.text.split([' ', '-']))
        .map(str::to_lowercase)
        .filter(|w| lex.person_roles.contains(w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn model(texts: &[&str]) -> Vec<Actor> {
        let docs: Vec<Arc<DocEntry>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Arc::new(DocEntry::new(Article::from_text(format!("{i}.txt"), t))))
            .collect();
        resolve(&docs, &[]).0
    }

    fn find<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
        actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} not in {actors:#?}"))
    }

    #[test]
    fn surname_variants_and_transliterations_merge_only_when_the_surname_agrees() {
        let a = model(&[
            "Foreign Minister Sergey Orlov met President Oleksiy Zelinskyy in the capital on Monday.",
            "Sergei Orlov and Deputy Minister Sergei Kravets said Zelinsky would attend. Orlov declined to comment.",
        ]);
        let orlov = find(&a, "Sergey Orlov");
        assert_eq!(
            orlov.aliases,
            vec!["Orlov".to_string(), "Sergei Orlov".to_string()]
        );
        assert_eq!(orlov.mentions.len(), 3);
        let z = find(&a, "Oleksiy Zelinskyy");
        assert!(z.aliases.contains(&"Zelinsky".to_string()), "{z:?}");
        let k = find(&a, "Sergei Kravets");
        assert_eq!(k.roles[0].text, "Deputy Minister");
    }

    #[test]
    fn other_middle_initials_are_another_person() {
        let a = model(&[
            "Former president John Q. Adler opened the library on Monday.",
            "His son, President John T. Adler, spoke. John Adler thanked the crowd.",
            "President John T Adler signed the bill.",
        ]);
        let father = find(&a, "John Q. Adler");
        let son = find(&a, "John T. Adler");
        assert_eq!(father.mentions.len(), 1, "{a:#?}");
        assert!(
            son.aliases.contains(&"John T Adler".to_string()),
            "the same initials, with or without the period: {a:#?}"
        );
        assert!(
            son.aliases.contains(&"John Adler".to_string()),
            "a name without initials is the one its article names with them: {a:#?}"
        );
    }

    #[test]
    fn nicknames_fold_to_one_person() {
        let a = model(&[
            "Adviser Mike Dorsey spoke first.",
            "Michael Dorsey, the national security adviser, spoke later.",
        ]);
        let d = find(&a, "Mike Dorsey");
        assert_eq!(
            d.aliases,
            vec!["Dorsey".to_string(), "Michael Dorsey".to_string()]
        );
        let a = model(&[
            "Aide Fred Lauder died on Saturday.",
            "Frederick Lauder, the former aide, was found on Tuesday.",
            "Nurse Kathryn Moss said so. Katie Moss agreed.",
        ]);
        assert!(
            find(&a, "Fred Lauder")
                .aliases
                .contains(&"Frederick Lauder".to_string()),
            "{a:#?}"
        );
        assert!(
            find(&a, "Kathryn Moss")
                .aliases
                .contains(&"Katie Moss".to_string()),
            "{a:#?}"
        );
    }

    #[test]
    fn a_titled_surname_is_the_one_of_that_surname_the_corpus_calls_so() {
        let a = model(&[
            "Striker Ola Vik scored twice. Ola Vik was cheered. Ola Vik left the pitch smiling.",
            "Former president Hans Vik opened the museum on Monday.",
            "The rule was signed by President Vik last year, officials said.",
        ]);
        let hans = find(&a, "Hans Vik");
        assert!(
            hans.mentions.iter().any(|m| m.0 == 2),
            "President Vik is the Vik called president, not the most mentioned: {a:#?}"
        );
        assert!(!find(&a, "Ola Vik").mentions.iter().any(|m| m.0 == 2));
    }

    #[test]
    fn a_surname_alone_is_the_one_named_in_the_company_the_article_keeps() {
        let a = model(&[
            "The striker Oliver Vik scored twice for the Harbour Gulls. Oliver Vik was cheered. \
             Later Oliver Vik left smiling.",
            "The Harbour Gulls sold Oliver Vik to a rival club on Friday.",
            "The mayor, Anna Brandt, met Henry Vik, the former finance minister, in Bergen.",
            "On Monday the mayor, Anna Brandt, said the harbour rules Vik wrote were being scrapped.",
            "On Tuesday Vik trained with the squad again, the Harbour Gulls said.",
        ]);
        let henry = find(&a, "Henry Vik");
        let oliver = find(&a, "Oliver Vik");
        assert!(
            henry.mentions.iter().any(|m| m.0 == 3),
            "beside Anna Brandt, Vik is Henry Vik, not the most mentioned Vik: {a:#?}"
        );
        assert!(
            oliver.mentions.iter().any(|m| m.0 == 4),
            "beside the Harbour Gulls, Vik is Oliver Vik: {a:#?}"
        );
    }

    #[test]
    fn a_capitalised_word_is_someone_of_another_article_only_in_the_same_company() {
        // "Corran Vell" is a name by its capitals alone; a lone "Vell" elsewhere is another's word
        // unless its article keeps Corran Vell's company
        let a = model(&[
            "Corran Vell and Mira Solberg spoke at the Tidewater Forum. Corran Vell said little. \
             Mira Solberg thanked Corran Vell.",
            "After the storm, the port of Vell reopened on Monday, harbour master Ivo Stein said.",
            "On Friday Vell returned to the forum, Mira Solberg said.",
        ]);
        let vell = find(&a, "Corran Vell");
        assert!(!vell.mentions.iter().any(|m| m.0 == 1), "{a:#?}");
        assert!(vell.mentions.iter().any(|m| m.0 == 2), "{a:#?}");
    }

    #[test]
    fn a_name_only_capitals_make_that_opens_with_a_common_word_is_no_one() {
        let docs = [
            "Watchmaker Brandt will sell its Harbour Edition for $9,000. Buyers of Harbour Edition \
             get a strap. Analysts said Harbour Edition sold out.",
            "Visitors crowded the harbour on Monday. Tovik Anselm opened the shop, and Tovik Anselm \
             said sales were good.",
            "Edition sizes were not given, Tovik Anselm said.",
        ];
        let a = model(&docs);
        assert!(
            !a.iter()
                .any(|x| x.name.contains("Edition") || x.aliases.iter().any(|n| n == "Edition")),
            "'harbour' is written in lower case: {a:#?}"
        );
        assert_eq!(find(&a, "Tovik Anselm").kind, ActorKind::Person);
        // with no article writing "harbour" so, capitals alone still make a name a person's
        let a = model(&docs[..1]);
        assert_eq!(find(&a, "Harbour Edition").kind, ActorKind::Person);
    }

    #[test]
    fn a_quoted_film_title_is_no_one_and_its_last_word_names_no_one_elsewhere() {
        let a = model(&[
            "The studio is ready to film the sequel ‘Burning Tide’. Director Carla Munt will return.",
            "Tide destroys the harbour wall in Palmer. Tide gauges failed, said Harbour Master Ivo Stein.",
        ]);
        assert!(
            !a.iter()
                .any(|x| x.name.contains("Tide") || x.aliases.iter().any(|n| n == "Tide")),
            "{a:#?}"
        );
        find(&a, "Carla Munt");
    }

    #[test]
    fn a_plural_name_in_capitals_is_the_team_called_so_else_an_organisation() {
        let a = model(&[
            "GULLS SINK HERONS AT THE HARBOUR\nThe Tromso Gulls beat the Bodo Herons 3-1 on Sunday.",
            "Officials at HAWKS said the contract was signed on Monday.",
        ]);
        let gulls = find(&a, "Tromso Gulls");
        assert_eq!(gulls.mentions.len(), 2, "{a:#?}");
        assert_eq!(find(&a, "Bodo Herons").mentions.len(), 2, "{a:#?}");
        assert!(!a.iter().any(|x| x.name == "GULLS"), "{a:#?}");
        // no team is called so: an organisation of its own
        assert_eq!(find(&a, "HAWKS").kind, ActorKind::Organization);
    }

    #[test]
    fn a_generational_suffix_is_no_surname() {
        let a = model(&[
            "Inmate Joseph Varga Jr. escaped on Monday, and Varga was caught on Friday.",
            "Guards said Varga had planned the escape for weeks.",
        ]);
        let varga = find(&a, "Joseph Varga Jr");
        assert_eq!(varga.mentions.len(), 3, "{a:#?}");
        assert!(
            !a.iter()
                .any(|x| x.name == "Jr" || x.aliases.iter().any(|n| n == "Jr")),
            "{a:#?}"
        );
    }

    #[test]
    fn a_team_is_known_by_its_plural_name_as_written() {
        let a = model(&[
            "The Denver Aces won again, and the Aces lead the league.",
            "Fans cheered the Aces on Friday.",
            "Asked about the game, Access declined to comment.",
        ]);
        let aces = find(&a, "Denver Aces");
        assert_eq!(aces.mentions.len(), 3, "{a:#?}");
        assert!(
            !aces.mentions.iter().any(|m| m.0 == 2),
            "Access is not the Aces, though a surname's doubled letters fold"
        );
    }

    #[test]
    fn a_facility_is_one_organisation_whatever_word_ends_its_name() {
        let a = model(&[
            "The singer checked into the Hallvik Lake Clinic on Monday.",
            "She left the Hallvik Lake Treatment Centre a week later, the Hallvik Lake Center said.",
            "Tickets for the Lindqvist Center went on sale. The Lindqvist Clinic opened in May.",
        ]);
        let clinic = find(&a, "Hallvik Lake Clinic");
        assert_eq!(
            clinic.aliases,
            vec![
                "Hallvik Lake Center".to_string(),
                "Hallvik Lake Treatment Centre".to_string()
            ]
        );
        // a name of two words keeps its last: the concert hall is not the clinic
        assert_ne!(
            find(&a, "Lindqvist Center").id,
            find(&a, "Lindqvist Clinic").id
        );
    }

    #[test]
    fn unresolved_single_words_are_not_actors() {
        let a = model(&["Residents of Brightwater said the Harbour looked calm."]);
        assert!(
            a.iter()
                .all(|x| x.name != "Brightwater" && x.name != "Harbour"),
            "{a:?}"
        );
    }

    #[test]
    fn surname_keys() {
        assert_eq!(surname_key("Zelenskyy"), surname_key("Zelensky"));
        assert_eq!(surname_key("Zelenskiy"), surname_key("Zelensky"));
        assert_ne!(surname_key("Lavrov"), surname_key("Ryabkov"));
    }
}
