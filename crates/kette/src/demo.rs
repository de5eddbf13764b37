//! `kette demo`: builds a database for Berlin from the open data in `data/berlin` on first start
//! and reuses it afterwards. The build goes to a temporary file that is renamed into place only
//! when complete, so an interrupted build never leaves a half demo behind.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use kette_domain::Role;
use kette_ingest::berlin::{self, OsmCategory};
use kette_store::{NewAccount, Store};

use crate::msg;

pub const SLUG: &str = "berlin";
const MSS_2013_2017: &str = include_str!("../../../recipes/berlin-mss-2013-2017.toml");
const MSS_2019: &str = include_str!("../../../recipes/berlin-mss-2019.toml");

fn population_defs() -> Vec<kette_domain::IndicatorDef> {
    let def = |code: &str, de: &str, en: &str, numerator: &str| kette_domain::IndicatorDef {
        code: code.into(),
        name_de: de.into(),
        name_en: en.into(),
        description: format!("{de}: Anteil an allen Einwohnern am 31.12."),
        unit: "%".into(),
        direction: kette_domain::Direction::Neutral,
        source: "Amt für Statistik Berlin-Brandenburg: Einwohnerregisterstatistik".into(),
        licence: "CC BY 3.0 DE".into(),
        min_denominator: Some(300.0),
        meta: kette_domain::IndicatorMeta {
            numerator: numerator.into(),
            denominator: "Einwohner insgesamt".into(),
            release_date: None,
            spatial_level: "Planungsraum (LOR bis 2020)".into(),
        },
    };
    vec![
        def("pop_share_under_6", "Kinder unter 6 Jahren", "Children under 6", "Einwohner unter 6 Jahren"),
        def("pop_share_under_18", "Kinder und Jugendliche unter 18", "Children and young people under 18", "Einwohner unter 18 Jahren"),
    ]
}

fn mss_index_defs() -> Vec<kette_domain::IndicatorDef> {
    let def = |code: &str, de: &str, en: &str, description: &str| kette_domain::IndicatorDef {
        code: code.into(),
        name_de: de.into(),
        name_en: en.into(),
        description: description.into(),
        unit: "z".into(),
        direction: kette_domain::Direction::HigherIsWorse,
        source: "kette (Rezept recipes/berlin-mss-*.toml) auf Daten des MSS".into(),
        licence: "CC BY 3.0 DE".into(),
        min_denominator: None,
        meta: Default::default(),
    };
    vec![
        def(
            "mss_status_index",
            "MSS Statusindex (berechnet)",
            "MSS status index (computed)",
            "Standardisierte Summe der z-Werte von S1–S4 (ab 2019 S1, S3, S4); höher = mehr soziale Benachteiligung",
        ),
        def(
            "mss_dynamics_index",
            "MSS Dynamikindex (berechnet)",
            "MSS dynamics index (computed)",
            "Standardisierte Summe der z-Werte von D1–D4 (ab 2019 D1, D3, D4); höher = ungünstigere Entwicklung",
        ),
    ]
}
pub const DEMO_PASSWORD: &str = "Mohnblume-Ahorn-7";
const ATTRIBUTION: &str = "Daten: Amt für Statistik Berlin-Brandenburg; Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin (Monitoring Soziale Stadtentwicklung); Senatsverwaltung für Bildung, Jugend und Familie Berlin (Kita-Liste); Geoportal Berlin; © OpenStreetMap-Mitwirkende (ODbL); aufbereitet von Open Lifeworlds / Open Data Product (CC BY 4.0).";

/// The fictional demo accounts: (user name, display name, role, organisation key).
pub const ACCOUNTS: &[(&str, &str, Role, Option<&str>)] = &[
    ("admin", "Alex Admin", Role::Admin, None),
    ("koordination", "Kim Koordination", Role::Coordinator, None),
    ("planung", "Paula Planung", Role::Planner, None),
    ("traeger", "Toni Träger (Kindergärten City)", Role::PartnerEditor, Some("kita-traeger-120")),
    ("lotsin", "Lina Lotsin", Role::Navigator, None),
    ("lesen", "Lou Lesezugang", Role::Viewer, None),
];

/// Fictional phone numbers: Berlin's 030 23125-xxx block is kept free for films and examples.
const SHOWCASE_PHONE: &str = "030 23125 010";
const NAVIGATOR_PHONE: &str = "030 23125 100";

/// Features the open data cannot show, each marked as fictional: a protected place (a women's
/// shelter whose address the public never sees) with an internal note for staff, and the
/// navigator service families are pointed to when a search finds nothing.
async fn showcase(store: &Store, m: kette_domain::MunicipalityId, facilities: &kette_domain::ImportBatch) -> Result<()> {
    use kette_domain::vocab::{Access, Cost, OrganisationKind};
    // near Kottbusser Tor; the district is taken from the nearest real facility
    let (lat, lon) = (52.4995, 13.4176);
    let district_key = facilities
        .locations
        .iter()
        .filter_map(|(_, l)| Some(((l.lat? - lat).powi(2) + (l.lon? - lon).powi(2), l.district_key.clone()?)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k);
    let org = "demo-frauenschutz";
    let mut input = kette_domain::OfferInput::blank(0);
    input.title = "Frauenhaus Beispiel (fiktiv)".into();
    input.description = "Fiktives Beispiel: Schutz und Unterkunft für Frauen und ihre Kinder bei häuslicher Gewalt, rund um die Uhr. \
        Die Adresse ist geschützt; Aufnahme über das Telefon."
        .into();
    input.life_phases = vec!["pregnancy_birth".into(), "early_childhood".into(), "kita".into(), "primary".into(), "secondary".into()];
    input.domains = vec!["youth_welfare".into(), "social_security".into()];
    input.target_groups = vec!["parents".into(), "single_parents".into()];
    input.languages = ["de", "en", "tr", "ar", "uk"].map(String::from).to_vec();
    input.cost = Cost::Free;
    input.access = Access::Open;
    input.schedule = "rund um die Uhr".into();
    input.contact_phone = SHOWCASE_PHONE.into();
    input.contact_email = "schutz@example.org".into();
    input.last_verified_on = Some(store.today());
    let batch = kette_domain::ImportBatch {
        organisations: vec![kette_domain::NewOrganisation {
            external_key: org.into(),
            name: "Beispiel-Frauenschutz e. V. (fiktiv)".into(),
            kind: OrganisationKind::WelfareAssociation,
            website: String::new(),
            email: "schutz@example.org".into(),
            phone: SHOWCASE_PHONE.into(),
        }],
        locations: vec![(
            org.into(),
            kette_domain::NewLocation {
                external_key: "demo-frauenhaus".into(),
                name: "Frauenhaus Beispiel".into(),
                street: "Geschützte Adresse 1".into(),
                postcode: "10999".into(),
                city: "Berlin".into(),
                lat: Some(lat),
                lon: Some(lon),
                district_key,
                is_anchor_point: false,
                is_confidential: true,
            },
        )],
        offers: vec![kette_domain::NewOffer {
            external_key: "demo-frauenhaus".into(),
            organisation_key: org.into(),
            location_keys: vec!["demo-frauenhaus".into()],
            input,
            is_fictional: true,
            origin: "demo".into(),
        }],
        ..Default::default()
    };
    store.import_batch(m, &batch, |_| {}).await?;
    let offer = store.offer_by_key(m, "demo-frauenhaus").await?.context("demo shelter offer missing")?;
    store
        .set_internal_note(
            m,
            offer,
            "Fiktiv: Neuaufnahmen nur nach Anruf; die Adresse nie am Telefon an Dritte geben. Nur für Fachkräfte sichtbar.",
            None,
        )
        .await?;
    let navigator = kette_domain::NavigatorService {
        name: "Familienlotsen Berlin (fiktiv)".into(),
        phone: NAVIGATOR_PHONE.into(),
        email: "lotsen@example.org".into(),
        hours: "Mo–Fr 9–16 Uhr".into(),
    };
    store.set_navigator_service(m, &navigator, None).await?;
    Ok(())
}

/// Fictional steering content on the demo's real indicators: a Leitbild and goals whose
/// progress is read from the MSS child poverty share (S4).
async fn steering_showcase(store: &Store, m: kette_domain::MunicipalityId) -> Result<()> {
    use kette_domain::goals::{GoalInput, GoalLevel, Target};
    store
        .add_leitbild_version(
            m,
            "Fiktives Beispiel: Jedes Kind in Berlin wächst gesund auf, lernt gut und findet seinen Weg in Ausbildung und Beruf – \
             unabhängig davon, in welchem Kiez es lebt und was seine Eltern verdienen. Die Angebote der Partner greifen von der \
             Schwangerschaft bis zum Berufseinstieg ineinander, besonders an den Übergängen.",
            time::Date::from_calendar_date(2025, time::Month::March, 12).ok(),
            None,
        )
        .await?;
    // the target lies ahead whenever the demo is built (a fixed year would expire)
    let target_year = store.today().year() + 5;
    let goal = |level, parent, title: &str, code: Option<&str>, target: Option<Target>, responsible: &str| GoalInput {
        parent_id: parent,
        level,
        title: title.into(),
        description: String::new(),
        indicator_code: code.map(Into::into),
        district_id: None,
        target,
        responsible_body_id: None,
        responsible: responsible.into(),
        tolerance: kette_domain::goals::DEFAULT_TOLERANCE,
    };
    let impact = store
        .create_goal(
            m,
            &goal(
                GoalLevel::Impact,
                None,
                "Weniger Kinder unter 15 Jahren leben von Transferleistungen (fiktives Ziel)",
                Some("mss_s4"),
                Some(Target { baseline_year: 2014, baseline_value: 28.4, target_year, target_value: 20.0 }),
                "Steuerungsgruppe Präventionskette",
            ),
            true,
            None,
        )
        .await?;
    let outcome = store
        .create_goal(
            m,
            &goal(
                GoalLevel::Outcome,
                Some(impact),
                "Familien in Gebieten mit hohem Bedarf erreichen frühe Hilfen (fiktives Ziel)",
                None,
                None,
                "AG Frühe Kindheit",
            ),
            true,
            None,
        )
        .await?;
    store
        .create_goal(
            m,
            &goal(GoalLevel::Action, Some(outcome), "Familienlotsen in allen zwölf Bezirken (fiktives Ziel)", None, None, "Koordination"),
            true,
            None,
        )
        .await?;
    let year = store.today().year();
    let measure = |title: &str, status, phases: &[&str], budget| kette_domain::goals::MeasureInput {
        title: title.into(),
        description: String::new(),
        status,
        goal_ids: vec![outcome],
        lead_organisation_id: None,
        organisation_ids: vec![],
        offer_ids: vec![],
        life_phases: phases.iter().map(|p| p.to_string()).collect(),
        transitions: vec![],
        district_ids: vec![],
        starts_on: time::Date::from_calendar_date(year, time::Month::January, 1).ok(),
        ends_on: time::Date::from_calendar_date(year + 2, time::Month::December, 31).ok(),
        budget_eur: Some(budget),
        funding_source: "Landesprogramm (fiktiv)".into(),
    };
    use kette_domain::goals::MeasureStatus;
    // the first measure works in two Bezirke with a partner's offers; the second bridges Kita → school
    let bezirke = store.districts_up_to(m, 1).await?;
    let bezirk = |name: &str| bezirke.iter().find(|d| d.name.contains(name)).map(|d| d.id);
    let partner = store.organisation_by_key(m, "kita-traeger-120").await?;
    let partner_offers = match partner {
        Some(p) => {
            let filter = kette_store::OfferFilter { organisation_id: Some(p), ..Default::default() };
            store.list_offers(m, &filter, 1, 3).await?.items.into_iter().map(|o| o.id).collect()
        }
        None => vec![],
    };
    let welcome = kette_domain::goals::MeasureInput {
        district_ids: [bezirk("Neukölln"), bezirk("Spandau")].into_iter().flatten().collect(),
        ..measure(
            "Willkommensbesuche nach der Geburt in Gebieten mit hohem Bedarf (fiktiv)",
            MeasureStatus::Running,
            &["pregnancy_birth", "early_childhood"],
            180_000.0,
        )
    };
    let bridge = kette_domain::goals::MeasureInput {
        transitions: vec!["kita_to_primary".into()],
        lead_organisation_id: partner,
        offer_ids: partner_offers,
        ..measure("Lotsinnen in Kitas an der Schwelle zur Grundschule (fiktiv)", MeasureStatus::Planned, &["kita"], 95_000.0)
    };
    for input in [welcome, bridge] {
        store.create_measure(m, &input, true, None).await?;
    }
    crate::demo_steering::more_goals(store, m, impact).await?;
    crate::demo_steering::calibrate_goals(store, m).await?;
    crate::demo_steering::bodies_and_cycle(store, m).await?;
    crate::demo_steering::agreements(store, m).await?;
    crate::demo_steering::chain_links(store, m).await?;
    crate::demo_steering::navigator_contacts(store, m).await?;
    crate::demo_steering::events(store, m).await?;
    crate::demo_steering::funding(store, m).await?;
    crate::demo_steering::engagement(store, m).await?;
    crate::demo_steering::agreement_proposal(store, m).await?;
    crate::demo_steering::scenarios(store, m).await?;
    Ok(())
}

/// A new offer the demo partner has proposed and the coordinator has yet to approve, so that the
/// review queue is not empty on first start.
async fn showcase_proposal(
    store: &Store,
    m: kette_domain::MunicipalityId,
    organisation: Option<kette_domain::OrganisationId>,
    by: kette_domain::AccountId,
) -> Result<()> {
    let Some(organisation) = organisation else { return Ok(()) };
    let mut input = kette_domain::OfferInput::blank(organisation);
    input.title = "Familienhebamme im Kiez (fiktiv)".into();
    input.description =
        "Fiktives Beispiel eines Vorschlags: Eine Familienhebamme besucht Familien im ersten Lebensjahr des Kindes zu Hause.".into();
    input.life_phases = vec!["pregnancy_birth".into(), "early_childhood".into()];
    input.domains = vec!["health".into(), "youth_welfare".into()];
    input.min_age_months = Some(0);
    input.max_age_months = Some(12);
    input.languages = vec!["de".into(), "tr".into()];
    input.contact_phone = SHOWCASE_PHONE.into();
    store.propose_new_offer(m, &input, Some(by)).await?;
    Ok(())
}

fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    let candidates = [PathBuf::from("data/berlin"), PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/berlin"))];
    candidates.into_iter().find(|p| p.join("geo").is_dir()).with_context(|| msg("cli-demo-no-data", &[]))
}

pub async fn open_or_build(db: &str, data: Option<&Path>) -> Result<Store> {
    if Path::new(db).exists() {
        let store = Store::open(db).await?;
        if store.municipality_by_slug(SLUG).await.is_ok() {
            print_logins();
            return Ok(store);
        }
        anyhow::bail!(msg("cli-demo-exists-other", &[("db", &db)]));
    }
    let dir = data_dir(data)?;
    let started = Instant::now();
    let tmp = format!("{db}.building");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{tmp}{suffix}"));
    }
    let store = Store::open(&tmp).await?;
    build(&store, &dir).await?;
    store.close().await;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{tmp}{suffix}"));
    }
    std::fs::rename(&tmp, db).with_context(|| format!("cannot move the finished demo database to {db}"))?;
    println!("{}", msg("cli-demo-built", &[("db", &db), ("seconds", &format!("{:.1}", started.elapsed().as_secs_f64()))]));
    print_logins();
    Ok(Store::open(db).await?)
}

fn print_logins() {
    println!("{}", msg("cli-demo-logins", &[("password", &DEMO_PASSWORD)]));
    for (user, name, role, _) in ACCOUNTS {
        let job = msg(&format!("cli-demo-job-{}", role.as_str().replace('_', "-")), &[]);
        println!("  {user:<13} {:<17} {name} – {job}", msg(&role.label_key(), &[]));
    }
}

/// The boundary version of the LOR from 2021, whose statistics the demo carries into the old LOR.
const LOR_2021: &str = "lor-2021";

/// (total, under 6, under 18) per key and year.
type AgeTotals = std::collections::BTreeMap<(String, i32), (i64, i64, i64)>;

/// Adds a planning area's count to itself and its ancestors: the LOR keys are hierarchical,
/// so the key's first `prefix_lens` characters name them.
fn add_to_totals(totals: &mut AgeTotals, p: &kette_domain::PopulationCount, prefix_lens: &[usize]) {
    for &len in prefix_lens {
        let Some(key) = p.district_key.get(..len) else { continue };
        let e = totals.entry((key.to_string(), p.year)).or_default();
        e.0 += p.count;
        if p.age_group.max_years.is_some_and(|m| m <= 6) {
            e.1 += p.count;
        }
        if p.age_group.max_years.is_some_and(|m| m <= 18) {
            e.2 += p.count;
        }
    }
}

/// Shares of under-6 and under-18-year-olds from (total, under 6, under 18) per key and year.
fn population_share_rows(totals: AgeTotals) -> Vec<kette_domain::NewObservation> {
    let mut rows = vec![];
    for ((key, year), (total, under6, under18)) in totals {
        if total == 0 {
            continue;
        }
        for (code, part) in [("pop_share_under_6", under6), ("pop_share_under_18", under18)] {
            rows.push(kette_domain::NewObservation {
                indicator_code: code.into(),
                district_key: key.clone(),
                year,
                value: Some(100.0 * part as f64 / total as f64),
                numerator: Some(part as f64),
                denominator: Some(total as f64),
                source: "Amt für Statistik Berlin-Brandenburg, Einwohnerregister".into(),
            });
        }
    }
    rows
}

fn read(dir: &Path, rel: &str) -> Result<String> {
    let p = dir.join(rel);
    let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
    Ok(kette_ingest::text::decode(&bytes).into_owned())
}

pub async fn build(store: &Store, dir: &Path) -> Result<()> {
    let bar = ProgressBar::new(8);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let m = store.create_municipality(SLUG, "Berlin", ATTRIBUTION, true).await?;

    bar.set_message(msg("cli-step-districts", &[]));
    let districts = berlin::districts(
        &read(dir, "geo/berlin-lor-districts.geojson")?,
        &read(dir, "geo/berlin-lor-forecast-areas-until-2020.geojson")?,
        &read(dir, "geo/berlin-lor-district-regions-until-2020.geojson")?,
        &read(dir, "geo/berlin-lor-planning-areas-until-2020.geojson")?,
    )?;
    store.import_districts(m.id, &berlin::levels(), &districts).await?;
    bar.inc(1);

    bar.set_message(msg("cli-step-population", &[]));
    let mut population = vec![];
    for year in 2015..=2020 {
        let name = format!("berlin-lor-population-{year}-02-t2-planning-areas.csv");
        population.extend(berlin::population(&name, year, &read(dir, &format!("population/{name}"))?)?);
    }
    store.import_population(m.id, &population).await?;
    // population by age as indicators with numerator and denominator (so profiles show intervals)
    store.upsert_indicators(m.id, &population_defs()).await?;
    let mut population_shares: Vec<kette_domain::NewObservation> = vec![];
    let mut totals: AgeTotals = Default::default();
    // every level: the LOR keys are hierarchical (Bezirk 2, Prognoseraum 4, Bezirksregion 6,
    // Planungsraum 8 digits), so a planning area's key prefixes name its ancestors
    for p in &population {
        add_to_totals(&mut totals, p, &[2, 4, 6, 8]);
    }
    population_shares.extend(population_share_rows(totals));
    store.import_observations(m.id, &population_shares).await?;
    bar.inc(1);

    // The LOR were redrawn on 1 January 2021; the register publishes 2021 on the new planning
    // areas only. Carry it into the districts of the demo with a crosswalk computed from the
    // old and new forecast-area polygons (the Bezirke did not change), so the series goes on.
    bar.set_message(msg("cli-step-boundaries", &[]));
    let forecast_areas = |file: &str| -> Result<Vec<(String, String)>> {
        let spec = kette_ingest::geojson_districts::DistrictFileSpec::default();
        Ok(kette_ingest::geojson_districts::parse(file, &read(dir, &format!("geo/{file}"))?, &spec)?
            .into_iter()
            .filter_map(|d| d.geometry.map(|g| (d.key, g)))
            .collect())
    };
    let mut links = kette_ingest::crosswalk::from_polygons(
        &forecast_areas("berlin-lor-forecast-areas-from-2021.geojson")?,
        &forecast_areas("berlin-lor-forecast-areas-until-2020.geojson")?,
        0.002,
    );
    for bezirk in 1..=12 {
        let key = format!("{bezirk:02}");
        links.push(kette_domain::boundary::CrosswalkLink { from: key.clone(), to: key, weight: 1.0 });
    }
    store
        .save_crosswalk(
            m.id,
            LOR_2021,
            kette_ingest::berlin::BOUNDARY_VERSION,
            "area",
            "Prognoseräume: Flächenanteile aus den LOR-Geometrien bis 2020 und ab 2021; Bezirke unverändert",
            &links,
            None,
        )
        .await?;
    let name = "berlin-lor-population-2021-02-t2-planning-areas.csv";
    let mut totals_2021: AgeTotals = Default::default();
    for p in berlin::population(name, 2021, &read(dir, &format!("population/{name}"))?)? {
        add_to_totals(&mut totals_2021, &p, &[2, 4]);
    }
    store.import_carried_observations(m.id, &population_share_rows(totals_2021), LOR_2021, None, false).await?;
    bar.inc(1);

    bar.set_message(msg("cli-step-indicators", &[]));
    store.upsert_indicators(m.id, &berlin::mss_indicator_defs()).await?;
    let mut observations: Vec<kette_domain::NewObservation> = vec![];
    for edition in [2013, 2015, 2017, 2019] {
        let name = format!("berlin-lor-monitoring-social-urban-development-{edition}-00-planning-areas.csv");
        observations.extend(berlin::mss_observations(&name, edition, &read(dir, &format!("mss/{name}"))?)?);
    }
    // the MSS indices recomputed with the shipped recipes: the same engine `kette index run` uses
    store.upsert_indicators(m.id, &mss_index_defs()).await?;
    for edition in [2013, 2015, 2017, 2019] {
        let name = format!("berlin-lor-monitoring-social-urban-development-{edition}-00-planning-areas.csv");
        let table = kette_monitor::Frame::from_csv(&name, read(dir, &format!("mss/{name}"))?.as_bytes(), "id", None)?;
        let (file, text) = if edition == 2019 { ("berlin-mss-2019.toml", MSS_2019) } else { ("berlin-mss-2013-2017.toml", MSS_2013_2017) };
        let result = kette_monitor::Recipe::from_toml(file, text)?.run(&table)?;
        for (code, column) in [("mss_status_index", "status_index_value"), ("mss_dynamics_index", "dynamics_index_value")] {
            let values = result.numbers(column).with_context(|| format!("{file} computes no {column}"))?;
            for (unit, value) in result.units.iter().zip(values) {
                observations.push(kette_domain::NewObservation {
                    indicator_code: code.into(),
                    district_key: unit.clone(),
                    year: edition - 1,
                    value,
                    numerator: None,
                    denominator: None,
                    source: format!("kette, recipe {file} on MSS {edition}"),
                });
            }
        }
    }
    store.import_observations(m.id, &observations).await?;
    for (file, text) in [("berlin-mss-2013-2017.toml", MSS_2013_2017), ("berlin-mss-2019.toml", MSS_2019)] {
        let recipe = kette_monitor::Recipe::from_toml(file, text)?;
        store.save_recipe(m.id, &recipe.id, &recipe.name, text, None).await?;
    }
    bar.inc(1);

    bar.set_message(msg("cli-step-facilities", &[]));
    let locator = kette_app::App::new(store.clone()).district_locator(m.id).await?;
    let index = locator.index().context("the demo's districts are missing")?;
    let mut facilities = berlin::Facilities::new(index);
    facilities.kitas("berlin-daycare-centers-2025-09.csv", &read(dir, "facilities/berlin-daycare-centers-2025-09.csv")?)?;
    for (file, cat) in [
        ("berlin-points-of-interest-community-centers-details.csv", OsmCategory::CommunityCentre),
        ("berlin-points-of-interest-libraries-details.csv", OsmCategory::Library),
        ("berlin-points-of-interest-doctors-details.csv", OsmCategory::Doctor),
        ("berlin-points-of-interest-schools-details.csv", OsmCategory::School),
    ] {
        facilities.osm(file, cat, &read(dir, &format!("facilities/{file}"))?)?;
    }
    bar.inc(1);

    bar.set_message(msg("cli-step-offers", &[("count", &facilities.batch.offers.len())]));
    let offers_bar = bar.clone();
    store.import_batch(m.id, &facilities.batch, |_| offers_bar.tick()).await?;
    let mut texts = vec![];
    for (id, title, description) in store.offer_texts(m.id).await? {
        for (language, text) in crate::demo_texts::translations(&description) {
            texts.push((id, kette_store::OfferTranslation { language: language.into(), title: title.clone(), description: text.into() }));
        }
    }
    store.add_offer_translations(m.id, &texts, None).await?;
    bar.inc(1);

    bar.set_message(msg("cli-step-accounts", &[]));
    for (user, name, role, org_key) in ACCOUNTS {
        let organisation_id = match org_key {
            Some(k) => Some(store.organisation_by_key(m.id, k).await?.with_context(|| format!("demo organisation {k} missing"))?),
            None => None,
        };
        let id = store
            .create_account(NewAccount {
                municipality_id: m.id,
                username: user,
                display_name: name,
                password: DEMO_PASSWORD,
                role: *role,
                organisation_id,
                is_fictional: true,
            })
            .await?;
        if *role == Role::PartnerEditor {
            // fictional address (RFC 2606 domain) so the reminder mail can be tried out
            store.set_account_email(m.id, id, &format!("{user}@example.org")).await?;
            showcase_proposal(store, m.id, organisation_id, id).await?;
        }
    }
    showcase(store, m.id, &facilities.batch).await?;
    steering_showcase(store, m.id).await?;
    // The facility list's date is the offers' verification date and never moves, so the demo
    // keeps overdue offers visible (to-do lists and reminders still show them as due); with
    // hiding switched on, the demo finder would empty itself a few months after each release.
    let policy = kette_domain::review::ReviewPolicy { hide_after_days: None, ..Default::default() };
    store.set_review_policy(m.id, &policy, None).await?;
    bar.inc(1);
    bar.finish_with_message(msg(
        "cli-demo-summary",
        &[
            ("districts", &districts.len()),
            ("offers", &facilities.batch.offers.len()),
            ("outside", &facilities.skipped.outside_area),
            ("unnamed", &facilities.skipped.unnamed),
            ("other", &facilities.skipped.not_an_offer),
        ],
    ));
    bar.inc(1);
    Ok(())
}
