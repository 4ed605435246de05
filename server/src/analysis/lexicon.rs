//! The word lists the recognisers use, compiled once per process and shared by every article.
//! All lookups are on lower-cased text; multi-word entries are matched token by token.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// A place in the gazetteer: canonical name, the country it is in (if it is not one), and its demonyms.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: &'static str,
    pub parent: Option<&'static str>,
}

/// What an event trigger word denotes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventClass {
    Meeting,
    Visit,
    Call,
    Attack,
    Death,
    Arrest,
    Legal,
    Election,
    Announcement,
    Agreement,
    Disaster,
    Business,
    Personnel,
    Movement,
    Contest,
    Health,
    /// A statement reported in the text ("said", "told", "confirmed"): an event of its own, never
    /// linked to another mention.
    Statement,
    Other,
}

/// The compiled lexicons.
pub struct Lexicon {
    pub first_names: HashSet<&'static str>,
    pub nickname_of: HashMap<&'static str, &'static str>,
    pub places: HashMap<String, Place>,
    /// The same places keyed by canonical name (for names already resolved, without tokenising again).
    pub places_by_name: HashMap<&'static str, Place>,
    /// Longest place entry, in tokens.
    pub place_max_tokens: usize,
    pub demonyms: HashMap<&'static str, &'static str>,
    pub orgs: HashMap<String, &'static str>,
    pub org_max_tokens: usize,
    pub org_heads: HashSet<&'static str>,
    pub non_person_heads: HashSet<&'static str>,
    pub person_roles: HashSet<&'static str>,
    /// Nouns that describe a person in an apposition but are no title before a name (see
    /// [`PERSON_DESCRIPTIONS`]).
    pub person_descriptions: HashSet<&'static str>,
    pub org_roles: HashSet<&'static str>,
    pub role_modifiers: HashSet<&'static str>,
    pub months: HashMap<&'static str, u8>,
    pub weekdays: HashMap<&'static str, u8>,
    pub holidays: HashMap<String, (u8, u8)>,
    /// The first words of the holidays' names, which a holiday's lookup starts only at.
    pub holiday_starts: HashSet<String>,
    pub function_words: HashSet<&'static str>,
    /// Things a name can be given to ("the Tezel bridge"): after "the X", X names the thing, not a person.
    pub things: HashSet<&'static str>,
    pub triggers: HashMap<String, (&'static str, EventClass)>,
    /// Triggers of several words, by their first word: the words after it, the lemma and the class (the
    /// first that matches is taken).
    pub multiword_triggers: HashMap<&'static str, Vec<MultiwordTrigger>>,
    /// The names of events known by a name ([`NAMED_EVENTS`]) as phrase keys, with their lemmas: no part
    /// of a person's or an organisation's name.
    pub named_events: HashMap<String, &'static str>,
    /// Longest name of `named_events`, in tokens.
    pub named_event_max_tokens: usize,
    pub reporting_verbs: HashSet<&'static str>,
    pub past_irregular: HashSet<&'static str>,
    /// -ed forms that are no action (see `analysis::events`).
    pub not_actions: HashSet<&'static str>,
    /// -ing forms that are no action.
    pub not_ing: HashSet<&'static str>,
    /// Irregular past forms that are actions, each with its -ing form.
    pub action_past: HashMap<&'static str, &'static str>,
    pub abbreviations: HashSet<&'static str>,
}

/// A trigger of several words, under its first word: the words after it, the lemma and the class.
pub type MultiwordTrigger = (Vec<&'static str>, &'static str, EventClass);

/// The process-wide lexicon.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

const FIRST_NAMES: &str = "aaron abdul abdullah abe abigail adam adrian ahmad ahmed aidan al alan albert alberto alec alejandro alex alexander alexandra alexandre alexei alexey alexis alfred ali alice alicia alina alison allen alvaro amanda amber amy ana anastasia anders andre andrea andreas andrei andres andrew andrey andriy andy angel angela angelina angelo anita ann anna anne annie anthony antonio antony arnold arthur ashley ashton augusto austin ava avi barack barbara barry bart ben benjamin benedict benny bernard bernie beth betty beyonce bill billy bob bobby boris brad bradley brandon brenda brendan brett brian bridget britney brittany bruce bruno bryan caitlin calvin cameron camilla carl carla carlos carmen carol caroline carrie casey catherine cecilia celine chad charles charlie charlotte chelsea cheryl chloe chris christian christina christine christopher chuck claire clara clark claudia clint cody colin connor conor craig cristiano cynthia dan dana daniel daniela danielle danny dara darren dave david dean deborah debra dennis derek diana diane diego dimitri dmitri dmitriy dmitry dominic don donald donna doris dorothy doug douglas drew duncan dwayne dylan ed eddie edgar edith eduardo edward elaine eleanor elena eli elias elijah elizabeth ella ellen elon emily emma emmanuel eric erica erik erin ernest ethan eugene eva evan evelyn fabio faith felipe felix fernando fiona francesca francis francisco frank franklin fred frederick gabriel gabriela gary gavin gene geoff geoffrey george georgia gerald gerard gerhard gina giorgia giovanni giuseppe glen glenn gloria gordon grace graham grant greg gregory gustavo guy hailey hakeem hamid hank hannah hans harold harriet harry harvey hassan heather hector heidi helen helena henry herbert hillary holly howard hugh hugo hunter ian igor ilya irene isaac isabel isabella ivan jack jackie jacob jacqueline jaime jake james jamie jan jane janet janice jared jason javier jay jean jeff jeffrey jennifer jenny jeremy jerome jerry jesse jessica jill jim jimmy jo joan joanna joanne joe joel johann johannes john johnny jon jonathan jorge jose joseph josh joshua joyce juan judith judy julia julian julie julio justin kamala karen karim karin karl karoline kate katherine kathleen kathryn kathy katie katy kay keith kelly ken kenneth kevin khalid kim kimberly kirk kirsten klaus kristen kristin kurt kyle lana lance larry laura lauren lawrence lee leila lena leo leon leonard leonardo lewis liam lily linda lindsay lindsey lisa liz logan lois lorenzo louis louise lucas lucy luis luke lynn mac madeleine madison mahmoud manuel marc marcel marco marcus margaret maria marie marina mario marion mark marta martha martin marvin mary mason matt matthew maurice max maxim maxime megan mehmet melania melissa mia michael michel michele michelle miguel mike mikhail miles miley mitch mitchell mohamed mohammad mohammed molly monica morgan muhammad nadia nancy naomi natalia natalie nathan neil nelson nick nicholas nicola nicolas nicole nigel nikita nikki nikolai nina noah noel nora norman olaf olena oleg oleksandr olga oliver olivia omar oscar owen pablo pam pamela paolo pat patricia patrick paul paula pavel pedro penny pete peter petro philip phillip pierre piers priscilla rachel rafael ralph ramon randy raul ray raymond rebecca recep reggie renee rex ricardo richard rick ricky rishi rita rob robert roberto robin rod roger roman ron ronald rosa rose ross roy ruby rudy russell ruth ryan sadiq sally salman sam samantha samuel sandra sara sarah scott sean sebastian serena sergei sergey sergio sergiy seth shane shannon sharon shaun shawn sheila shirley sienna simon sofia sonia sophia sophie spencer stacy stan stanley stefan stella stephanie stephen steve steven stuart sue susan suzanne sven sylvia tamara tammy tania tanya tara ted teresa terry theo theodore theresa thomas tiffany tim timothy tina todd tom tommy toni tony tracy travis trevor troy tyler ulrich ursula valentina valerie vanessa vera veronica victor victoria vince vincent viktor vladimir vladislav volodymyr walter wang wayne wendy werner will william willie xavier xi yana yasmin yevgeny yulia yuri yuriy yury yusuf zach zachary zoe piotr tomasz krzysztof pawel marek katarzyna magdalena agnieszka marta lars jonas kari sigrid ola astrid ingrid bjorn oleksiy milan florence paris sydney";

/// Pairs of first names that denote the same given name (nicknames and transliterations).
const NICKNAMES: &[(&str, &str)] = &[
    ("mike", "michael"),
    ("mick", "michael"),
    ("bill", "william"),
    ("will", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("joey", "joseph"),
    ("steve", "steven"),
    ("stephen", "steven"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("chris", "christopher"),
    ("matt", "matthew"),
    ("nick", "nicholas"),
    ("tony", "anthony"),
    ("antony", "anthony"),
    ("ben", "benjamin"),
    ("sam", "samuel"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("ted", "edward"),
    ("jack", "john"),
    ("johnny", "john"),
    ("jon", "jonathan"),
    ("josh", "joshua"),
    ("kate", "katherine"),
    ("katie", "katherine"),
    ("kathy", "katherine"),
    ("catherine", "katherine"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("pete", "peter"),
    ("rick", "richard"),
    ("ricky", "richard"),
    ("dick", "richard"),
    ("rich", "richard"),
    ("ron", "ronald"),
    ("don", "donald"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("geoff", "geoffrey"),
    ("larry", "lawrence"),
    ("tim", "timothy"),
    ("pat", "patrick"),
    ("sergei", "sergey"),
    ("sergiy", "sergey"),
    ("dmitri", "dmitry"),
    ("dmitriy", "dmitry"),
    ("yuri", "yury"),
    ("yuriy", "yury"),
    ("alexey", "alexei"),
    ("andrei", "andrey"),
    ("andriy", "andrey"),
    ("mohammed", "muhammad"),
    ("mohammad", "muhammad"),
    ("mohamed", "muhammad"),
    ("nikolai", "nicholas"),
    ("zach", "zachary"),
    ("vince", "vincent"),
    ("stan", "stanley"),
    ("doug", "douglas"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("sue", "susan"),
    ("jenny", "jennifer"),
    ("pam", "pamela"),
    ("nikki", "nicole"),
    ("abe", "abraham"),
    ("fred", "frederick"),
    ("freddie", "frederick"),
    ("freddy", "frederick"),
    ("kathryn", "katherine"),
    ("ken", "kenneth"),
    ("kenny", "kenneth"),
    ("nate", "nathan"),
    ("walt", "walter"),
    ("gerry", "gerald"),
];

/// Places: `name|parent` entries; aliases are separated by `/`, the first being canonical.
const PLACES: &str = "\
United States/US/U.S./USA/U.S.A./America/United States of America|;Russia/Russian Federation|;Ukraine|;China|;Japan|;\
India|;Pakistan|;Afghanistan|;Iran|;Iraq|;Syria|;Lebanon|;Israel|;Palestine|;Gaza/Gaza Strip|Palestine;West Bank|Palestine;\
Jordan|;Egypt|;Libya|;Tunisia|;Algeria|;Morocco|;Turkey/Türkiye|;Saudi Arabia|;United Arab Emirates/UAE/U.A.E.|;Qatar|;\
Kuwait|;Bahrain|;Oman|;Yemen|;United Kingdom/UK/U.K./Britain/Great Britain|;England|United Kingdom;Scotland|United Kingdom;\
Wales|United Kingdom;Ireland|;France|;Germany|;Italy|;Spain|;Portugal|;Netherlands/Holland|;Belgium|;Switzerland|;Austria|;\
Poland|;Hungary|;Czech Republic/Czechia|;Slovakia|;Romania|;Bulgaria|;Greece|;Serbia|;Croatia|;Bosnia|;Albania|;Kosovo|;\
Moldova|;Belarus|;Lithuania|;Latvia|;Estonia|;Finland|;Sweden|;Norway|;Denmark|;Iceland|;Georgia|;Armenia|;Azerbaijan|;\
Kazakhstan|;Uzbekistan|;Canada|;Mexico|;Brazil|;Argentina|;Chile|;Colombia|;Venezuela|;Peru|;Cuba|;Haiti|;\
Nicaragua|;Guatemala|;Honduras|;Australia|;New Zealand|;Indonesia|;Philippines|;Thailand|;Vietnam|;Malaysia|;\
Singapore|;South Korea|;North Korea|;Korea|;Taiwan|;Nigeria|;Kenya|;Ethiopia|;Somalia|;Sudan|;South Sudan|;\
South Africa|;Congo|;Ghana|;Mali|;Niger|;Chad|;Zimbabwe|;Uganda|;Rwanda|;Nepal|;Bangladesh|;Sri Lanka|;Myanmar|;\
Europe|;Asia|;Africa|;Middle East|;Latin America|;Eastern Europe|Europe;Western Europe|Europe;Scandinavia|Europe;\
Balkans|Europe;Crimea|Ukraine;Donbas/Donbass|Ukraine;Kobane|Syria;Siberia|Russia;Chechnya|Russia;\
Moscow|Russia;St. Petersburg|Russia;Kyiv/Kiev|Ukraine;Kharkiv|Ukraine;Odesa/Odessa|Ukraine;Mariupol|Ukraine;\
Washington/Washington D.C./Washington, D.C.|United States;New York/New York City|United States;Los Angeles|California;\
Chicago|Illinois;Houston|Texas;Boston|Massachusetts;San Francisco|California;Miami|Florida;\
Seattle|United States;Atlanta|United States;Dallas|Texas;Detroit|Michigan;Philadelphia|Pennsylvania;\
Las Vegas|Nevada;Hollywood|California;Malibu|California;Beverly Hills|California;Brooklyn|New York;\
Manhattan|New York;Ferguson|Missouri;Texas|United States;California|United States;Florida|United States;\
Alaska|United States;Hawaii|United States;Ohio|United States;Michigan|United States;Virginia|United States;\
Oregon|United States;Nevada|United States;Arizona|United States;Colorado|United States;Utah|United States;\
Illinois|United States;Pennsylvania|United States;Massachusetts|United States;New Jersey|United States;\
North Carolina|United States;South Carolina|United States;Tennessee|United States;Kentucky|United States;\
Louisiana|United States;Alabama|United States;Mississippi|United States;Missouri|United States;Minnesota|United States;\
Wisconsin|United States;Iowa|United States;Kansas|United States;Oklahoma|United States;Indiana|United States;\
Maryland|United States;Connecticut|United States;Montana|United States;Idaho|United States;Wyoming|United States;\
Nebraska|United States;Arkansas|United States;Maine|United States;Vermont|United States;New Mexico|United States;\
Anchorage|Alaska;\
San Diego|California;San Jose|California;San Antonio|Texas;New Orleans|Louisiana;\
Indianapolis|Indiana;Baltimore|Maryland;Pittsburgh|Pennsylvania;Denver|Colorado;\
Phoenix|Arizona;Sacramento|California;Portland|United States;Minneapolis|Minnesota;\
St. Louis|Missouri;Cleveland|Ohio;Cincinnati|Ohio;Kansas City|Missouri;\
Nashville|Tennessee;Memphis|Tennessee;Milwaukee|Wisconsin;Tampa|Florida;\
Orlando|Florida;Buffalo|United States;Oakland|California;Jacksonville|Florida;\
Salt Lake City|Utah;Honolulu|Hawaii;Newark|New Jersey;Green Bay|Wisconsin;\
Oklahoma City|Oklahoma;Raleigh|North Carolina;Albuquerque|New Mexico;Tucson|Arizona;\
El Paso|Texas;Fort Worth|Texas;Long Beach|California;Anaheim|California;\
Pasadena|California;Santa Monica|California;Palm Springs|California;Omaha|Nebraska;\
Louisville|Kentucky;Baton Rouge|Louisiana;\
Riyadh|Saudi Arabia;Jeddah|Saudi Arabia;Mecca|Saudi Arabia;Dubai|United Arab Emirates;\
Abu Dhabi|United Arab Emirates;Doha|Qatar;Tehran|Iran;Baghdad|Iraq;Mosul|Iraq;Damascus|Syria;Aleppo|Syria;\
Beirut|Lebanon;Jerusalem|Israel;Tel Aviv|Israel;Cairo|Egypt;Istanbul|Turkey;Ankara|Turkey;Kabul|Afghanistan;\
Islamabad|Pakistan;New Delhi/Delhi|India;Mumbai|India;Beijing|China;Shanghai|China;Hong Kong|China;Tokyo|Japan;\
Seoul|South Korea;Pyongyang|North Korea;Taipei|Taiwan;Manila|Philippines;Jakarta|Indonesia;Bangkok|Thailand;\
Sydney|Australia;Melbourne|Australia;London|United Kingdom;Manchester|United Kingdom;Edinburgh|United Kingdom;\
Dublin|Ireland;Paris|France;Marseille|France;Berlin|Germany;Munich|Germany;Rome|Italy;Milan|Italy;Madrid|Spain;\
Barcelona|Spain;Lisbon|Portugal;Amsterdam|Netherlands;The Hague|Netherlands;Brussels|Belgium;Geneva|Switzerland;\
Zurich|Switzerland;Davos|Switzerland;Vienna|Austria;Warsaw|Poland;Budapest|Hungary;Prague|Czech Republic;\
Bucharest|Romania;Athens|Greece;Belgrade|Serbia;Minsk|Belarus;Vilnius|Lithuania;Riga|Latvia;Tallinn|Estonia;\
Helsinki|Finland;Stockholm|Sweden;Oslo|Norway;Copenhagen|Denmark;Reykjavik|Iceland;Tbilisi|Georgia;\
Ottawa|Canada;Toronto|Canada;Montreal|Canada;Vancouver|Canada;Mexico City|Mexico;Havana|Cuba;Caracas|Venezuela;\
Bogota|Colombia;Lima|Peru;Santiago|Chile;Buenos Aires|Argentina;Brasilia|Brazil;Rio de Janeiro/Rio|Brazil;\
Sao Paulo|Brazil;Managua|Nicaragua;Nairobi|Kenya;Lagos|Nigeria;Johannesburg|South Africa;Cape Town|South Africa;\
Addis Ababa|Ethiopia;Khartoum|Sudan;Mogadishu|Somalia;Tripoli|Libya;Helsinki|Finland;Minsk|Belarus;\
Bali|Indonesia;Kashmir|India;Tibet|China;Xinjiang|China;Sochi|Russia;Yalta|Ukraine;Camp David|United States;\
Mar-a-Lago|United States;Red Square|Russia;Wall Street|United States;Silicon Valley|United States;Gulf|Middle East;\
Persian Gulf|Middle East;Black Sea|Europe;Mediterranean|Europe;Atlantic|;Pacific|;Arctic|;Antarctica|;\
Philippine Sea|;South China Sea|China;Baltic|Europe";

/// Demonyms and country adjectives → canonical country.
const DEMONYMS: &[(&str, &str)] = &[
    ("american", "United States"),
    ("us", "United States"),
    ("u.s.", "United States"),
    ("russian", "Russia"),
    ("ukrainian", "Ukraine"),
    ("chinese", "China"),
    ("japanese", "Japan"),
    ("indian", "India"),
    ("pakistani", "Pakistan"),
    ("afghan", "Afghanistan"),
    ("iranian", "Iran"),
    ("iraqi", "Iraq"),
    ("syrian", "Syria"),
    ("lebanese", "Lebanon"),
    ("israeli", "Israel"),
    ("palestinian", "Palestine"),
    ("egyptian", "Egypt"),
    ("libyan", "Libya"),
    ("turkish", "Turkey"),
    ("saudi", "Saudi Arabia"),
    ("emirati", "United Arab Emirates"),
    ("qatari", "Qatar"),
    ("british", "United Kingdom"),
    ("uk", "United Kingdom"),
    ("english", "United Kingdom"),
    ("scottish", "United Kingdom"),
    ("irish", "Ireland"),
    ("french", "France"),
    ("german", "Germany"),
    ("italian", "Italy"),
    ("spanish", "Spain"),
    ("portuguese", "Portugal"),
    ("dutch", "Netherlands"),
    ("belgian", "Belgium"),
    ("swiss", "Switzerland"),
    ("austrian", "Austria"),
    ("polish", "Poland"),
    ("hungarian", "Hungary"),
    ("czech", "Czech Republic"),
    ("romanian", "Romania"),
    ("greek", "Greece"),
    ("serbian", "Serbia"),
    ("belarusian", "Belarus"),
    ("lithuanian", "Lithuania"),
    ("latvian", "Latvia"),
    ("estonian", "Estonia"),
    ("finnish", "Finland"),
    ("swedish", "Sweden"),
    ("norwegian", "Norway"),
    ("danish", "Denmark"),
    ("georgian", "Georgia"),
    ("canadian", "Canada"),
    ("mexican", "Mexico"),
    ("brazilian", "Brazil"),
    ("argentine", "Argentina"),
    ("argentinian", "Argentina"),
    ("chilean", "Chile"),
    ("colombian", "Colombia"),
    ("venezuelan", "Venezuela"),
    ("cuban", "Cuba"),
    ("australian", "Australia"),
    ("indonesian", "Indonesia"),
    ("filipino", "Philippines"),
    ("thai", "Thailand"),
    ("vietnamese", "Vietnam"),
    ("korean", "Korea"),
    ("taiwanese", "Taiwan"),
    ("nigerian", "Nigeria"),
    ("kenyan", "Kenya"),
    ("ethiopian", "Ethiopia"),
    ("somali", "Somalia"),
    ("sudanese", "Sudan"),
    ("south african", "South Africa"),
    ("soviet", "Russia"),
    ("european", "Europe"),
    ("western", "Europe"),
    ("kurdish", "Kurdistan"),
    ("nicaraguan", "Nicaragua"),
    ("nazi", "Germany"),
];

/// Organisations: aliases separated by `/`, the first canonical.
const ORGS: &str = "\
Kremlin|White House|Pentagon|State Department|Department of State|Congress|Senate|House of Representatives|\
Supreme Court|NATO|North Atlantic Treaty Organization|United Nations/UN/U.N.|European Union/EU/E.U.|\
European Commission|European Parliament|Security Council/UN Security Council|World Health Organization/WHO|\
International Monetary Fund/IMF|World Bank|Red Cross|FBI|CIA|NSA|NASA|Department of Justice/Justice Department/DOJ|\
Homeland Security/Department of Homeland Security|Federal Reserve|Downing Street|Elysee/Élysée|Bundestag|\
Duma/State Duma|Knesset|Hamas|Hezbollah|Taliban|Islamic State/ISIS/ISIL|al-Qaeda/Al Qaeda/al Qaeda|Kurdish forces|\
Associated Press/AP|Reuters|AFP/Agence France-Presse|BBC|CNN|Fox News|NBC|ABC|CBS|MSNBC|RT|TASS|Interfax|Ria Novosti|\
Financial Times|New York Times|Washington Post|Wall Street Journal|Guardian|Le Point|Le Monde|Der Spiegel|Politico|\
Bloomberg|Axios|The Times|Daily Mail|MailOnline|TMZ|Kyiv Independent|Apple|Google|Microsoft|Amazon|Facebook/Meta|\
Twitter|Samsung|Intel|IBM|Tesla|SpaceX|Comcast|McDonald's|Walmart|Boeing|Airbus|Toyota|General Motors/GM|\
Nokia|Sony|Netflix|Disney|Uber|Beats|Beats Music|HP|Hewlett-Packard|Dell|Oracle|Yahoo|eBay|Verizon|AT&T|\
Republican Party/GOP|Democratic Party|Labour Party|Conservative Party|Presidential Office|Verkhovna Rada/Rada|\
Lakers|Celtics|Yankees|NBA|NFL|FIFA|IOC|OPEC|G7|G20|ASEAN|African Union|Interpol|Europol|Greenpeace|Amnesty International|\
Human Rights Watch|Doctors Without Borders|Oxfam|Unicef/UNICEF|Unesco/UNESCO|WTO|OSCE|Gazprom|Rosneft|Aeroflot|Wagner";

const ORG_HEADS: &str = "office ministry department agency council committee commission party union times post news press \
herald tribune journal gazette magazine telegraph bank university college school hospital clinic center centre court \
army navy forces force police guard group company corporation corp corp. inc inc. ltd ltd. llc plc association \
organization organisation foundation institute parliament senate congress church airlines airline airways \
network networks studios records club team fund authority administration bureau service services commission \
assembly federation alliance coalition front movement brigade battalion regiment cabinet government council board society \
gang mafia cartel reuters channel tv radio broadcasting labs technologies systems motors electric energy holdings partners media survey recovery \
boards councils committees associations agencies societies institutes foundations industries enterprises";

const NON_PERSON_HEADS: &str = "day week year war wars square street avenue road boulevard bridge river lake mountain \
mountains island islands sea ocean valley county state states province region republic kingdom emirates \
festival awards award cup games olympics championship championships league series treaty accord act bill law \
summit talks conference meeting forum program programme project plan strategy operation crisis conflict \
revolution agreement deal convention protocol declaration doctrine initiative prize museum stadium arena hall \
tower palace airport station port park plaza building hotel theatre theater gallery library prison jail camp \
base highway expressway line lines east west north south coast peninsula gulf basin desert canyon falls \
bowl ave blvd hurricane typhoon cyclone storm";

const PERSON_ROLES: &str = "president vice-president secretary minister spokesman spokeswoman spokesperson envoy \
adviser advisor aide chief head leader chairman chairwoman chair director ambassador diplomat governor senator \
congressman congresswoman representative lawmaker mayor chancellor premier king queen prince princess pope \
general admiral commander colonel captain lieutenant sergeant constable officer official officials judge justice prosecutor defender \
attorney lawyer ceo founder executive manager analyst expert correspondent reporter journalist editor writer \
columnist anchor host actor actress singer star rapper musician artist player coach striker goalkeeper quarterback \
pitcher rb qb wr lb cb manager owner spokesperson rep representative publicist agent doctor surgeon professor scientist \
researcher economist strategist negotiator mediator candidate nominee deputy commissioner inspector detective \
sheriff trooper soldier fighter militant rebel activist campaigner protester witness victim suspect gunman \
student teacher nurse pilot emperor dictator monarch sultan emir sheikh cleric bishop archbishop cardinal rabbi imam \
sen. rep. gov. gen. lt. col. capt. sgt. dr. mr. mrs. ms. mr mrs ms dr sen gov gen lt col capt sgt prof prime mp mep speaker whip \
secretary-general general-secretary comedian model designer filmmaker director producer author novelist poet \
athlete champion boxer wrestler golfer tennis cyclist driver businessman businesswoman billionaire tycoon \
entrepreneur investor banker counterpart successor predecessor husband wife son daughter father mother brother \
sister girlfriend boyfriend fiance fiancee friend partner figure";

/// Nouns that say who a person is in an apposition ("Tamsin Okafor, a neighbour, said", "Raj Chohan, a
/// 59-year-old grandmother") but are no title before a name: capitalised before one they are part of
/// another name ("the Presidential Guard", "a resident of Panor Senior Condominiums").
const PERSON_DESCRIPTIONS: &str = "neighbour neighbor resident bystander passenger worker employee colleague \
classmate teammate survivor relative cousin uncle aunt nephew niece grandmother grandfather grandson granddaughter \
climber hiker tourist volunteer firefighter paramedic guard engineer lecturer veteran homeowner landlord tenant \
shopkeeper retiree pensioner";

const ORG_ROLES: &str = "magazine newspaper paper daily weekly tabloid broadcaster network channel agency outlet \
website site company firm group organisation organization party ministry department bank retailer carrier \
airline maker manufacturer automaker giant startup chain brand label studio publisher team club union charity";

const ROLE_MODIFIERS: &str = "then former ex acting interim deputy assistant associate senior junior chief top lead \
special presidential national security press foreign defense defence interior finance economy economic justice \
health education energy trade state federal regional local general principal executive managing vice newly \
appointed elected designate incoming outgoing longtime long-time veteran conservative liberal news political \
military intelligence personal private public official first second high-ranking high-level \
middle east affairs relations strategic communications white house kremlin prime supreme head";

const THINGS: &str = "bridge pipeline port railway grid airport canal terminal dam tunnel highway motorway \
road line station plant reactor mine project scheme programme program accord treaty deal agreement plan \
initiative corridor cable";
const FUNCTION_WORDS: &str = "a an the and or but nor so yet for of in on at to from by with without about above \
after before during since until while when where why how what which who whom whose that this these those it its \
he she they we you i me him her them us our their his my your if then than as also only just even still there here \
not no yes neither nor all any some each every both either neither many much more most few less least other another such own \
same is are was were be been being am has have had do does did will would shall should can could may might must \
according despite although though because however meanwhile moreover furthermore therefore thus instead \
following amid among across against along around behind below beneath beside between beyond inside into near \
onto outside over through throughout toward towards under underneath upon within speaking asked leading \
like unlike once now today tonight yesterday tomorrow earlier later soon already never always often sometimes \
perhaps maybe reportedly allegedly apparently officially finally first last next new old good bad great big \
major key top one two three four five six seven eight nine ten dear breaking update updated exclusive watch \
photo video live opinion analysis report reports read see more view";

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

const HOLIDAYS: &[(&str, (u8, u8))] = &[
    ("victory day", (5, 9)),
    ("christmas", (12, 25)),
    ("christmas day", (12, 25)),
    ("christmas eve", (12, 24)),
    ("new year's day", (1, 1)),
    ("new year's eve", (12, 31)),
    ("independence day", (7, 4)),
    ("halloween", (10, 31)),
    ("valentine's day", (2, 14)),
    ("bastille day", (7, 14)),
    ("guy fawkes night", (11, 5)),
    ("may day", (5, 1)),
];

/// Event triggers: `lemma:class:forms…` where forms are the inflections that occur in text.
const TRIGGERS: &str = "\
meet:meeting:meet meets met meeting meetings;talk:meeting:talks;summit:meeting:summit summits;\
discussion:meeting:discussion discussions;negotiation:meeting:negotiation negotiations negotiate negotiated negotiating;\
conference:meeting:conference;encounter:meeting:encounter;session:meeting:session;\
visit:visit:visit visits visited visiting;trip:visit:trip trips;travel:visit:travel travels traveled travelled traveling travelling;\
attend:visit:attend attends attended attending attendance;presence:visit:presence;tour:visit:tour toured;\
arrive:visit:arrive arrives arrived arriving arrival;\
call:call:call;conversation:call:conversation;\
invade:attack:invade invaded invading invasion;attack:attack:attack attacks attacked attacking;\
strike:attack:strike strikes struck airstrike airstrikes hit hits;bomb:attack:bomb bombs bombed bombing bombings;\
shoot:attack:shoot shoots shot shooting shootings gunned;stab:attack:stab stabbed stabbing;\
assault:attack:assault assaulted;raid:attack:raid raids raided;offensive:attack:offensive;\
intervention:attack:intervention;explode:disaster:explode exploded explosion explosions blast blasts;\
kill:death:kill kills killed killing killings;die:death:die dies died death deaths dead succumb succumbs succumbed perish perished;murder:death:murder murdered murders;\
behead:death:behead beheaded beheading;hang:death:hanged;execute:death:executed execution;\
arrest:arrest:arrest arrests arrested arresting apprehend apprehended nabbed;detain:arrest:detain detains detained detention;\
capture:arrest:capture captured;kidnap:arrest:kidnap kidnapped kidnapping;abduct:arrest:abducted abduction;\
charge:legal:charged;sentence:legal:sentenced sentencing;convict:legal:convicted conviction;\
plead:legal:plead pleaded pled;sue:legal:sue sued lawsuit;trial:legal:trial;acquit:legal:acquitted;\
elect:election:elect elected election elections;vote:election:vote votes voted voting referendum;\
win:contest:win wins won victory;defeat:contest:defeat defeated beat;\
announce:announcement:announce announces announced announcement;unveil:announcement:unveil unveiled unveiling;\
launch:announcement:launch launched launches;release:announcement:release released issued;\
sign:agreement:sign signed signing;agreement:agreement:agreement deal;ceasefire:agreement:ceasefire truce;\
earthquake:disaster:earthquake quake earthquakes tremor temblor;fire:disaster:fire fires blaze inferno torched;crash:disaster:crash crashed crashes;\
flood:disaster:flood floods flooding;storm:disaster:storm hurricane typhoon tornado;collapse:disaster:collapse collapsed;\
acquire:business:acquire acquires acquired acquisition;buy:business:buy buys bought;merge:business:merger merged;\
sell:business:sell sold sale;\
appoint:personnel:appoint appointed appointment named hire hired hiring;\
resign:personnel:resign resigned resignation quit quits;fire:personnel:fired sacked;retire:personnel:retired retirement;\
nominate:personnel:nominate nominated nomination;replace:personnel:replace replaced;find:other:find finds found discover discovers discovered;\
leave:movement:leave left;enter:movement:enter entered;escape:movement:escape escaped escapes fled flee flees fleeing;\
withdraw:movement:withdraw withdrew withdrawal;deploy:movement:deploy deployed deployment;\
rehab:health:rehab rehabilitation;injure:health:injure injures injured injuring injuries injury wound wounds wounded wounding;hospitalize:health:hospitalized hospitalised;\
marry:other:married marry wedding;divorce:other:divorce divorced;protest:other:protest protests protested;\
rescue:other:rescue rescued;thwart:other:thwart thwarted foil foiled;evacuate:other:evacuate evacuated evacuation;\
rob:other:robbery robberies heist heists robbed;steal:other:theft thefts burglary burglaries;\
arson:other:arson;riot:other:riot riots rioting;hijack:other:hijack hijacked hijacking piracy;\
investigate:other:investigation investigations probe inquiry investigated;hearing:other:hearing hearings;\
verdict:other:verdict verdicts;outage:other:outage outages blackout blackouts;\
accident:disaster:accident accidents collision derailment derailed;eruption:other:eruption erupted;\
landslide:other:landslide avalanche mudslide;outbreak:other:outbreak epidemic pandemic;\
game:other:game games;playoff:other:playoff playoffs;tournament:other:tournament championship;\
ceremony:other:ceremony ceremonies funeral funerals memorial vigil vigils;\
festival:other:festival;concert:other:concert;parade:other:parade;surgery:other:surgery;overdose:other:overdose;\
party:other:party parties;dui:other:dui dwi;injured reserve:personnel:ir";

const MULTIWORD_TRIGGERS: &[(&str, &str, EventClass)] = &[
    ("phone call", "call", EventClass::Call),
    ("phone conversation", "call", EventClass::Call),
    ("telephone call", "call", EventClass::Call),
    ("telephone conversation", "call", EventClass::Call),
    ("phone talks", "call", EventClass::Call),
    ("press conference", "conference", EventClass::Announcement),
    ("news conference", "conference", EventClass::Announcement),
    ("press briefing", "briefing", EventClass::Announcement),
    ("checked into", "rehab", EventClass::Health),
    ("checked herself into", "rehab", EventClass::Health),
    ("checked himself into", "rehab", EventClass::Health),
    ("check into", "rehab", EventClass::Health),
    ("checks into", "rehab", EventClass::Health),
    ("sat down", "meet", EventClass::Meeting),
    ("opened fire", "shoot", EventClass::Attack),
    ("open fire", "shoot", EventClass::Attack),
    ("opens fire", "shoot", EventClass::Attack),
    ("opening fire", "shoot", EventClass::Attack),
    ("passed away", "die", EventClass::Death),
    ("pass away", "die", EventClass::Death),
    ("passes away", "die", EventClass::Death),
    ("passing away", "die", EventClass::Death),
    ("heart attack", "heart attack", EventClass::Health),
    ("caught fire", "fire", EventClass::Disaster),
    ("catch fire", "fire", EventClass::Disaster),
    ("catches fire", "fire", EventClass::Disaster),
    ("catching fire", "fire", EventClass::Disaster),
    // a team's list of players out injured: being put on it is a move of the roster, not the injury
    ("injured reserve", "injured reserve", EventClass::Personnel),
    ("injured list", "injured reserve", EventClass::Personnel),
    ("disabled list", "injured reserve", EventClass::Personnel),
    ("drunk driving", "dui", EventClass::Other),
    ("drunken driving", "dui", EventClass::Other),
    ("took office", "inauguration", EventClass::Personnel),
    ("sworn in", "inauguration", EventClass::Personnel),
];

/// Events known by a name of their own, each an event wherever it is written and no one's name: the
/// ceremony or the contest (its lemma: "the Academy Awards" are the Oscars), and its class.
const NAMED_EVENTS: &[(&str, &str, EventClass)] = &[
    ("oscars", "oscars", EventClass::Other),
    ("academy awards", "oscars", EventClass::Other),
    ("golden globes", "golden globes", EventClass::Other),
    ("grammys", "grammys", EventClass::Other),
    ("grammy awards", "grammys", EventClass::Other),
    ("emmys", "emmys", EventClass::Other),
    ("emmy awards", "emmys", EventClass::Other),
    ("olympics", "olympics", EventClass::Contest),
    ("olympic games", "olympics", EventClass::Contest),
    ("super bowl", "super bowl", EventClass::Contest),
    ("world series", "world series", EventClass::Contest),
    ("world cup", "world cup", EventClass::Contest),
];

/// Past-tense forms that are seldom a reported action: states, attitudes, speech acts, adjectives in disguise.
const NOT_ACTIONS: &str = "based related called used supposed concerned interested involved expected scheduled planned united \
limited armed aged alleged unidentified unnamed undisclosed detailed advanced experienced skilled \
tired worried pleased excited surprised prepared dedicated determined allowed needed wanted seemed \
appeared looked liked loved hoped believed considered decided tried asked added noted stated \
reported confirmed explained claimed insisted argued suggested indicated declared warned emphasized \
stressed remarked commented acknowledged admitted responded replied asserted maintained mentioned \
described revealed disclosed tweeted posted published continued started began remained included \
featured owned listed titled entitled dubbed nicknamed headed followed compared estimated valued \
reached received provided required covered handled showed watched learned learnt promised vowed \
pledged urged welcomed praised thanked hoped wished wondered assumed feared doubted questioned \
criticized criticised rejected dismissed proposed suspected";

/// -ing words that are no action: times of day, prepositions, adjectives, things, attitudes.
const NOT_ING: &str = "morning evening during according building buildings following including having being nothing \
something anything everything ongoing meaning remaining interesting surprising disappointing \
devastating frightening disturbing growing leading coming upcoming amazing stunning outstanding \
ceiling sterling darling string spring thing things king ring wing evening parking ranking rankings \
accounting feeling feelings setting timing warning warnings willing glittering hamstring wedding \
clothing funding housing opening earnings savings belongings surroundings saying seeing looking \
trying going getting doing making taking giving working living existing pending concerning regarding \
considering arguing hoping thinking believing wondering expecting planning wishing seeking calling \
asking urging saying telling claiming insisting";

/// Irregular past forms that tell an action (the regular ones end in -ed), each with its -ing form: the
/// event is named by the stem of that form, so that "fell" and "falling" are one word.
/// A trigger's own forms ("hit", "fled", "found", "beat") are not listed: the trigger names them.
const ACTION_PAST: &str = "made:making cut:cutting fell:falling lost:losing threw:throwing broke:breaking \
caught:catching fought:fighting drove:driving flew:flying ran:running stole:stealing hung:hanging sank:sinking \
burned:burning burnt:burning tore:tearing blew:blowing spread:spreading swept:sweeping bit:biting \
shook:shaking rang:ringing froze:freezing hid:hiding sped:speeding split:splitting slid:sliding led:leading";

const REPORTING_VERBS: &str = "said says say saying told tells tell stated states state stating announced announces \
added adds noted notes noting explained explains claimed claims claim claiming insisted insists argued argues \
reported reports confirmed confirms disclosed revealed reveals suggested suggests indicated indicates wrote writes \
declared declares warned warns emphasized emphasised emphasizing stressed stresses remarked commented acknowledged \
admitted responded replied asserted maintained mentioned described characterized characterised described";

const PAST_IRREGULAR: &str = "held met said told spoke made took gave came went began wrote sent saw found left led won \
lost struck fell rose chose drove flew ran was were had did got brought bought sold thought knew became broke \
caught fought hit kept put set shot stood understood withdrew";

const ABBREVIATIONS: &str = "mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp ltd co jan feb mar apr \
jun jul aug sep sept oct nov dec no vs etc mt ft approx dept est fig";

fn words(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split_whitespace()
}

/// Lower-cases and splits a phrase into the tokens the tokenizer would produce.
pub fn phrase_key(phrase: &str) -> String {
    super::tokens::tokenize(phrase)
        .iter()
        .map(|t| t.text(phrase).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn build() -> Lexicon {
    let holidays: HashMap<String, (u8, u8)> =
        HOLIDAYS.iter().map(|(k, v)| (phrase_key(k), *v)).collect();
    let mut places = HashMap::default();
    let mut places_by_name = HashMap::default();
    let mut place_max_tokens = 1;
    for entry in PLACES.split(';') {
        let Some((names, parent)) = entry.split_once('|') else {
            continue;
        };
        let mut aliases = names.split('/');
        let Some(canonical) = aliases.next() else {
            continue;
        };
        let parent = (!parent.is_empty()).then_some(parent);
        places_by_name.insert(
            canonical,
            Place {
                name: canonical,
                parent,
            },
        );
        for alias in std::iter::once(canonical).chain(aliases) {
            let key = phrase_key(alias);
            place_max_tokens = place_max_tokens.max(key.split(' ').count());
            places.insert(
                key,
                Place {
                    name: canonical,
                    parent,
                },
            );
        }
    }
    let mut orgs = HashMap::default();
    let mut org_max_tokens = 1;
    for entry in ORGS.split('|') {
        let mut aliases = entry.split('/');
        let Some(canonical) = aliases.next() else {
            continue;
        };
        for alias in std::iter::once(canonical).chain(aliases) {
            let key = phrase_key(alias);
            org_max_tokens = org_max_tokens.max(key.split(' ').count());
            orgs.insert(key, canonical);
        }
    }
    let mut triggers = HashMap::default();
    for entry in TRIGGERS.split(';') {
        let mut parts = entry.splitn(3, ':');
        let (Some(lemma), Some(class), Some(forms)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let class = match class {
            "meeting" => EventClass::Meeting,
            "visit" => EventClass::Visit,
            "call" => EventClass::Call,
            "attack" => EventClass::Attack,
            "death" => EventClass::Death,
            "arrest" => EventClass::Arrest,
            "legal" => EventClass::Legal,
            "election" => EventClass::Election,
            "announcement" => EventClass::Announcement,
            "agreement" => EventClass::Agreement,
            "disaster" => EventClass::Disaster,
            "business" => EventClass::Business,
            "personnel" => EventClass::Personnel,
            "movement" => EventClass::Movement,
            "contest" => EventClass::Contest,
            "health" => EventClass::Health,
            _ => EventClass::Other,
        };
        for form in words(forms) {
            triggers.insert(form.to_string(), (lemma, class));
        }
    }
    for &(name, lemma, class) in NAMED_EVENTS.iter().filter(|(n, _, _)| !n.contains(' ')) {
        triggers.insert(name.to_string(), (lemma, class));
    }
    Lexicon {
        first_names: words(FIRST_NAMES).collect(),
        nickname_of: NICKNAMES.iter().copied().collect(),
        places,
        places_by_name,
        place_max_tokens,
        demonyms: DEMONYMS.iter().copied().collect(),
        orgs,
        org_max_tokens,
        org_heads: words(ORG_HEADS).collect(),
        non_person_heads: words(NON_PERSON_HEADS).collect(),
        person_roles: words(PERSON_ROLES).collect(),
        person_descriptions: words(PERSON_DESCRIPTIONS).collect(),
        org_roles: words(ORG_ROLES).collect(),
        role_modifiers: words(ROLE_MODIFIERS).collect(),
        months: MONTHS.iter().copied().collect(),
        weekdays: WEEKDAYS.iter().copied().collect(),
        holiday_starts: holidays
            .keys()
            .filter_map(|k| k.split(' ').next().map(str::to_string))
            .collect(),
        holidays,
        function_words: words(FUNCTION_WORDS).collect(),
        things: words(THINGS).collect(),
        triggers,
        named_events: NAMED_EVENTS
            .iter()
            .map(|(name, lemma, _)| (phrase_key(name), *lemma))
            .collect(),
        named_event_max_tokens: NAMED_EVENTS
            .iter()
            .map(|(name, _, _)| name.split(' ').count())
            .max()
            .unwrap_or(1),
        multiword_triggers: MULTIWORD_TRIGGERS
            .iter()
            .chain(
                NAMED_EVENTS
                    .iter()
                    .filter(|(name, _, _)| name.contains(' ')),
            )
            .fold(
                HashMap::default(),
                |mut by_first, (phrase, lemma, class)| {
                    let mut words = phrase.split(' ');
                    let first = words.next().unwrap_or_default();
                    by_first.entry(first).or_insert_with(Vec::new).push((
                        words.collect(),
                        *lemma,
                        *class,
                    ));
                    by_first
                },
            ),
        reporting_verbs: words(REPORTING_VERBS).collect(),
        past_irregular: words(PAST_IRREGULAR).collect(),
        not_actions: words(NOT_ACTIONS).collect(),
        not_ing: words(NOT_ING).collect(),
        action_past: words(ACTION_PAST)
            .filter_map(|pair| pair.split_once(':'))
            .collect(),
        abbreviations: words(ABBREVIATIONS).collect(),
    }
}

impl Lexicon {
    /// The canonical form of a first name for identity (nicknames and transliterations folded).
    pub fn given_name_key<'a>(&'a self, first: &'a str) -> &'a str {
        self.nickname_of.get(first).copied().unwrap_or(first)
    }

    /// The country a place name or demonym denotes (the place itself when it is a country).
    pub fn country_of(&self, key: &str) -> Option<&'static str> {
        if let Some(c) = self.demonyms.get(key) {
            return Some(c);
        }
        let p = self.places.get(key)?;
        self.country_of_place(p.name)
    }

    /// The country of a place given by its canonical name (the place itself when it is a country).
    pub fn country_of_place(&self, name: &str) -> Option<&'static str> {
        let p = self.places_by_name.get(name)?;
        // a city within a state within a country: up to the top
        Some(self.ancestors(name).last().unwrap_or(p.name))
    }

    /// Whether the lexicons know a word (lower case) as something else than a part of a person's name: a
    /// place, an organisation, a person's role or a function word.
    pub fn knows_as_no_name(&self, w: &str) -> bool {
        self.places.contains_key(w)
            || self.orgs.contains_key(w)
            || self.person_roles.contains(w)
            || self.function_words.contains(w)
    }

    /// True when place `inner` (a canonical name) is `outer` or lies within it.
    pub fn place_within(&self, inner: &str, outer: &str) -> bool {
        inner == outer || self.ancestors(inner).any(|p| p == outer)
    }

    /// Whether two places (canonical names) are one, or one lies within the other.
    pub fn places_nested(&self, a: &str, b: &str) -> bool {
        self.place_within(a, b) || self.place_within(b, a)
    }

    /// The places `name` lies within, nearest first: its parent, the parent's parent, … (at most four; a
    /// parent the gazetteer does not list ends the walk).
    fn ancestors<'a>(&'a self, name: &str) -> impl Iterator<Item = &'static str> + 'a {
        let parent = |place: &str| self.places_by_name.get(place).and_then(|p| p.parent);
        std::iter::successors(parent(name), move |&up| parent(up)).take(4)
    }
}

#[cfg(test)]
mod tests {
    use super::lexicon;

    #[test]
    fn a_city_lies_within_its_state_and_its_country() {
        let lex = lexicon();
        assert!(lex.place_within("Tampa", "Florida"));
        assert!(lex.place_within("Tampa", "United States"));
        assert!(!lex.place_within("Tampa", "California"));
        assert_eq!(lex.country_of_place("Tampa"), Some("United States"));
        assert_eq!(lex.country_of_place("Crimea"), Some("Ukraine"));
        assert_eq!(lex.country_of_place("France"), Some("France"));
        assert_eq!(lex.country_of("new orleans"), Some("United States"));
    }
}
