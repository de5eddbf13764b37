//! A synthetic directory at state scale: organisations, places and offers spread over Berlin's
//! 448 planning areas with the variety a real directory has (offer types along the chain,
//! compound German titles, several languages, ages, costs, access, schedules). Deterministic
//! for a given seed, so benchmark runs compare.

use std::path::Path;

use anyhow::{Context, Result};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use kette_domain::vocab::{Access, Cost, OfferStatus, OrganisationKind};
use kette_domain::{ImportBatch, NewLocation, NewOffer, NewOrganisation, OfferInput};
use kette_store::Store;

/// (title stem, description, life phases, domains, target groups, typical ages in months)
type Kind = (&'static str, &'static str, &'static [&'static str], &'static [&'static str], &'static [&'static str], (u32, u32));

const KINDS: &[Kind] = &[
    (
        "Krabbelgruppe",
        "Offene Gruppe für Babys und Kleinkinder mit ihren Eltern: spielen, singen, andere Familien kennenlernen.",
        &["early_childhood"],
        &["youth_welfare", "participation"],
        &["parents"],
        (3, 36),
    ),
    (
        "Eltern-Kind-Gruppe",
        "Wöchentliches Treffen für Eltern mit Kindern bis drei Jahre, begleitet von einer Fachkraft.",
        &["early_childhood"],
        &["youth_welfare"],
        &["parents"],
        (0, 36),
    ),
    (
        "Hebammensprechstunde",
        "Beratung rund um Schwangerschaft, Geburt und Wochenbett, auch ohne Termin.",
        &["pregnancy_birth"],
        &["health"],
        &["pregnant_women"],
        (0, 3),
    ),
    (
        "Babymassage",
        "Kurs für Eltern mit Babys von sechs Wochen bis sechs Monaten.",
        &["early_childhood"],
        &["health"],
        &["parents"],
        (1, 7),
    ),
    (
        "Familienberatung",
        "Beratung für Familien bei Erziehungsfragen, Konflikten und Krisen, vertraulich und kostenlos.",
        &["early_childhood", "kita", "primary", "secondary"],
        &["youth_welfare"],
        &["parents", "single_parents"],
        (0, 216),
    ),
    (
        "Familienzentrum",
        "Treffpunkt, Beratung und Kurse für Familien im Stadtteil, Vermittlung zu weiteren Angeboten.",
        &["pregnancy_birth", "early_childhood", "kita", "primary"],
        &["youth_welfare", "participation"],
        &["all_families"],
        (0, 120),
    ),
    (
        "Sprachförderung",
        "Spielerische Sprachförderung in kleinen Gruppen vor dem Schuleintritt.",
        &["kita"],
        &["education"],
        &["children"],
        (36, 78),
    ),
    (
        "Lesepatenschaft",
        "Ehrenamtliche Lesepatinnen und Lesepaten lesen mit Kindern.",
        &["kita", "primary"],
        &["education", "participation"],
        &["children"],
        (48, 120),
    ),
    (
        "Hausaufgabenhilfe",
        "Unterstützung bei den Hausaufgaben nach der Schule, ohne Anmeldung.",
        &["primary", "secondary"],
        &["education"],
        &["children"],
        (72, 192),
    ),
    (
        "Lernwerkstatt",
        "Forschen, bauen und lernen in der Werkstatt für Schulkinder.",
        &["primary"],
        &["education", "participation"],
        &["children"],
        (72, 144),
    ),
    (
        "Ferienprogramm",
        "Ausflüge, Sport und Kreativangebote in den Schulferien.",
        &["primary", "secondary"],
        &["participation"],
        &["children", "young_people"],
        (72, 168),
    ),
    (
        "Jugendtreff",
        "Offener Treff mit Freizeit, Beratung und Begleitung für Jugendliche.",
        &["secondary", "transition_to_work"],
        &["participation", "youth_welfare"],
        &["young_people"],
        (120, 324),
    ),
    (
        "Bewerbungstraining",
        "Unterstützung bei Bewerbungen, Praktika und der Suche nach einem Ausbildungsplatz.",
        &["transition_to_work"],
        &["education", "social_security"],
        &["young_people"],
        (168, 324),
    ),
    (
        "Schuldnerberatung",
        "Beratung bei Schulden und Hilfe beim Haushaltsplan für Familien.",
        &["early_childhood", "kita", "primary", "secondary"],
        &["social_security"],
        &["low_income", "all_families"],
        (0, 324),
    ),
    (
        "Sportverein Kinderturnen",
        "Bewegung und Turnen für Kinder in der Turnhalle, Mitgliedsbeitrag über Bildung und Teilhabe.",
        &["kita", "primary"],
        &["participation", "health"],
        &["children"],
        (36, 120),
    ),
    (
        "Musikschule Kurs",
        "Musikalische Früherziehung und Instrumentalunterricht.",
        &["kita", "primary", "secondary"],
        &["participation", "education"],
        &["children"],
        (48, 216),
    ),
    (
        "Kinderschutz-Beratung",
        "Beratung für Eltern und Fachkräfte bei Sorgen um das Wohl eines Kindes.",
        &["early_childhood", "kita", "primary", "secondary"],
        &["protection"],
        &["parents"],
        (0, 216),
    ),
    (
        "Stadtteilmütter",
        "Mütter aus dem Kiez besuchen Familien und informieren in ihrer Sprache.",
        &["pregnancy_birth", "early_childhood", "kita"],
        &["youth_welfare", "participation"],
        &["refugees", "parents"],
        (0, 72),
    ),
    (
        "Elterncafé",
        "Frühstück und Austausch für Eltern, Kinderbetreuung vor Ort.",
        &["early_childhood", "kita"],
        &["participation"],
        &["parents", "single_parents"],
        (0, 72),
    ),
    (
        "Übergangsbegleitung Kita–Schule",
        "Begleitung von Kindern und Eltern beim Übergang in die Grundschule.",
        &["kita", "primary"],
        &["education"],
        &["children", "parents"],
        (60, 84),
    ),
];

const PLACE_WORDS: &[&str] = &[
    "Sonnenschein",
    "Regenbogen",
    "Kiezkinder",
    "Löwenzahn",
    "Spatzennest",
    "Sternschnuppe",
    "Pusteblume",
    "Brückenbauer",
    "Lindenhof",
    "Wasserturm",
    "Kastanie",
    "Am Park",
    "Schillerkiez",
    "Nordlicht",
    "Wirbelwind",
    "Morgenrot",
    "Drachenflug",
    "Kleeblatt",
];
const STREETS: &[&str] = &[
    "Lindenstraße",
    "Schulstraße",
    "Hauptstraße",
    "Bahnhofstraße",
    "Gartenstraße",
    "Kirchstraße",
    "Parkstraße",
    "Waldstraße",
    "Müllerstraße",
    "Karl-Marx-Straße",
    "Sonnenallee",
    "Turmstraße",
    "Schönhauser Allee",
    "Frankfurter Allee",
    "Hermannstraße",
    "Badstraße",
    "Prinzenallee",
    "Wilhelmstraße",
    "Brunnenstraße",
    "Seestraße",
];
const CARRIERS: &[(&str, OrganisationKind)] = &[
    ("AWO Kreisverband", OrganisationKind::WelfareAssociation),
    ("Caritasverband", OrganisationKind::WelfareAssociation),
    ("Diakonisches Werk", OrganisationKind::WelfareAssociation),
    ("DRK Kreisverband", OrganisationKind::WelfareAssociation),
    ("Nachbarschaftsverein", OrganisationKind::Initiative),
    ("Elterninitiative", OrganisationKind::Initiative),
    ("Kirchengemeinde", OrganisationKind::Church),
    ("Jugendamt", OrganisationKind::PublicOffice),
    ("Gesundheitsamt", OrganisationKind::PublicOffice),
    ("Sportverein", OrganisationKind::Club),
];
const LANGUAGES: &[&str] = &["tr", "ar", "uk", "ru", "pl", "en", "fa", "ro", "bg", "ku"];
const DAYS: &[&str] = &["Mo", "Di", "Mi", "Do", "Fr", "Sa"];

/// Builds a database with one synthetic municipality of `offers` offers on Berlin's geometry.
pub async fn generate(db: &Path, data: &Path, offers: usize, seed: u64) -> Result<()> {
    let read = |rel: &str| -> Result<String> {
        let p = data.join(rel);
        Ok(kette_ingest::text::decode(&std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?).into_owned())
    };
    let store = Store::open(db.to_str().context("path")?).await?;
    let m = store
        .create_municipality(
            "synthetisch",
            "Synthetisches Land",
            "Synthetische Daten auf Geometrie: Amt für Statistik Berlin-Brandenburg, CC BY 3.0 DE",
            true,
        )
        .await?;
    let districts = kette_ingest::berlin::districts(
        &read("geo/berlin-lor-districts.geojson")?,
        &read("geo/berlin-lor-forecast-areas-until-2020.geojson")?,
        &read("geo/berlin-lor-district-regions-until-2020.geojson")?,
        &read("geo/berlin-lor-planning-areas-until-2020.geojson")?,
    )?;
    store.import_districts(m.id, &kette_ingest::berlin::levels(), &districts).await?;
    let areas: Vec<_> = districts.iter().filter(|d| d.level == 4 && d.bbox.is_some()).collect();
    let locator = kette_app::App::new(store.clone()).district_locator(m.id).await?;
    let index = locator.index().context("no districts")?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut batch = ImportBatch::default();
    let n_orgs = (offers / 8).max(1);
    for o in 0..n_orgs {
        let (carrier, kind) = CARRIERS[o % CARRIERS.len()];
        let area = areas.choose(&mut rng).context("no planning areas")?;
        batch.organisations.push(NewOrganisation {
            external_key: format!("org-{o}"),
            name: format!("{carrier} {} {}", area.name, o),
            kind,
            website: format!("https://traeger-{o}.example.org"),
            email: format!("kontakt@traeger-{o}.example.org"),
            phone: format!("030 {:07}", rng.gen_range(0..10_000_000)),
        });
        for l in 0..rng.gen_range(1..=3) {
            let bbox = area.bbox.context("bbox")?;
            // a point inside the planning area: rejection sampling in its bounding box
            let (mut lon, mut lat) = (bbox[0], bbox[1]);
            for _ in 0..50 {
                lon = rng.gen_range(bbox[0]..bbox[2]);
                lat = rng.gen_range(bbox[1]..bbox[3]);
                if index.locate(lon, lat) == Some(area.key.as_str()) {
                    break;
                }
            }
            batch.locations.push((
                format!("org-{o}"),
                NewLocation {
                    external_key: format!("loc-{o}-{l}"),
                    name: format!("{} {}", PLACE_WORDS.choose(&mut rng).unwrap_or(&"Haus"), area.name),
                    street: format!("{} {}", STREETS.choose(&mut rng).unwrap_or(&"Hauptstraße"), rng.gen_range(1..200)),
                    postcode: format!("{}", rng.gen_range(10115..14200)),
                    city: "Berlin".into(),
                    lat: Some(lat),
                    lon: Some(lon),
                    district_key: Some(area.key.clone()),
                    is_anchor_point: rng.gen_bool(0.3),
                    is_confidential: rng.gen_bool(0.005),
                },
            ));
        }
    }
    let locations_of: std::collections::HashMap<String, Vec<String>> =
        batch.locations.iter().fold(Default::default(), |mut acc, (org, l)| {
            acc.entry(org.clone()).or_default().push(l.external_key.clone());
            acc
        });
    for i in 0..offers {
        let org = format!("org-{}", rng.gen_range(0..n_orgs));
        let (stem, description, phases, domains, targets, (min, max)) = KINDS[rng.gen_range(0..KINDS.len())];
        let place = PLACE_WORDS.choose(&mut rng).unwrap_or(&"Kiez");
        let mut input = OfferInput::blank(0);
        input.title = format!("{stem} {place}");
        input.description = description.to_string();
        input.life_phases = phases.iter().map(|s| s.to_string()).collect();
        input.domains = domains.iter().map(|s| s.to_string()).collect();
        input.target_groups = targets.iter().map(|s| s.to_string()).collect();
        input.min_age_months = Some(min);
        input.max_age_months = Some(max);
        input.languages = vec!["de".into()];
        for _ in 0..rng.gen_range(0..3) {
            let l = LANGUAGES.choose(&mut rng).unwrap_or(&"en").to_string();
            if !input.languages.contains(&l) {
                input.languages.push(l);
            }
        }
        input.cost = match rng.gen_range(0..10) {
            0..=6 => Cost::Free,
            7 | 8 => Cost::Reduced,
            _ => Cost::Fee,
        };
        input.access = match rng.gen_range(0..10) {
            0..=5 => Access::Open,
            6..=8 => Access::Registration,
            _ => Access::Referral,
        };
        input.status = if rng.gen_bool(0.95) { OfferStatus::Active } else { OfferStatus::Paused };
        input.schedule = format!("{} {}–{} Uhr", DAYS.choose(&mut rng).unwrap_or(&"Mo"), rng.gen_range(8..15), rng.gen_range(15..20));
        // confirmed within the last ten months, so that the verification rules hide nothing and
        // the figures stay comparable whenever the benchmark runs
        input.last_verified_on = Some(store.today() - time::Duration::days(rng.gen_range(0..300)));
        let locs = locations_of.get(&org).cloned().unwrap_or_default();
        batch.offers.push(NewOffer {
            external_key: format!("offer-{i}"),
            organisation_key: org,
            location_keys: locs.into_iter().take(1).collect(),
            input,
            is_fictional: true,
            origin: format!("synthetic {i}"),
        });
    }
    store.import_batch(m.id, &batch, |_| {}).await?;
    store.close().await;
    Ok(())
}
