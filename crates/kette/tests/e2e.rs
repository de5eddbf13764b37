//! End-to-end tests: the real `kette` binary on real files.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_kette");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kette(args: &[&str]) -> Output {
    // German is the default; pin it so the machine's locale does not matter
    Command::new(BIN).args(args).env_remove("KETTE_DB").env("KETTE_LANG", "de").output().expect("run kette")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// A running server that is killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &str) -> Server {
    serve_with(db, &[])
}

fn serve_with(db: &str, extra: &[&str]) -> Server {
    let mut child = Command::new(BIN)
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, base: format!("http://{addr}") }
}

fn get(url: &str) -> (u16, String) {
    match ureq::get(url).call() {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap()),
        Err(e) => panic!("{url}: {e}"),
    }
}

fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body.find(&marker).unwrap_or_else(|| panic!("no hidden field {name}")) + marker.len();
    body[start..start + body[start..].find('"').unwrap()].to_string()
}

fn json(url: &str) -> serde_json::Value {
    let (status, body) = get(url);
    assert_eq!(status, 200, "{url}: {body}");
    serde_json::from_str(&body).unwrap()
}

#[test]
fn demo_builds_from_the_real_berlin_data_and_serves_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let data = repo().join("data/berlin");
    let out = kette(&["demo", "--no-serve", "--db", db, "--data", data.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("erstellt")
            && t.contains("traeger")
            && t.contains("Träger-Redaktion")
            && t.contains("pflegt die Angebote des eigenen Trägers")
            && !t.contains("partner_editor"),
        "{t}"
    );
    assert!(!Path::new(&format!("{db}.building")).exists(), "temporary build file is gone");
    // the second start reuses the database
    let again = kette(&["demo", "--no-serve", "--db", db]);
    assert!(again.status.success() && !text(&again).contains("erstellt"), "{}", text(&again));

    let server = serve(db);
    assert_eq!(get(&format!("{}/healthz", server.base)), (200, "ok".to_string()));
    assert_eq!(get(&format!("{}/favicon.ico", server.base)).0, 200, "browsers ask for it on every page");
    let (status, home) = get(&format!("{}/", server.base));
    assert_eq!(status, 200);
    assert!(home.contains("Präventionskette") && home.contains("Amt für Statistik Berlin-Brandenburg"));
    // the old LOR hierarchy with the id defect fixed
    let levels: Vec<i64> =
        (1..=4).map(|l| json(&format!("{}/api/v1/districts?level={l}&per_page=1", server.base))["total"].as_i64().unwrap()).collect();
    assert_eq!(levels, vec![12, 60, 138, 448]);
    let plr = json(&format!("{}/api/v1/districts?level=4&per_page=500", server.base));
    let keys: Vec<&str> = plr["items"].as_array().unwrap().iter().map(|d| d["key"].as_str().unwrap()).collect();
    assert!(keys.contains(&"04030417") && keys.contains(&"06010102"));
    // thousands of real facilities as offers
    let offers = json(&format!("{}/api/v1/offers?per_page=1", server.base));
    assert!(offers["total"].as_i64().unwrap() > 4500, "{offers}");
    let kitas = json(&format!("{}/api/v1/offers?q=kita&age=2&per_page=1", server.base));
    assert!(kitas["total"].as_i64().unwrap() > 1000, "{kitas}");
    // MSS child poverty for a planning area
    // a family near Kottbusser Tor looking for a Kita: the nearest first, not the best wording
    let near = json(&format!("{}/api/v1/offers?age=3&near=Skalitzer%20Stra%C3%9Fe&q=Kita&per_page=50", server.base));
    let distances: Vec<f64> = near["items"].as_array().unwrap().iter().map(|o| o["distance_m"].as_f64().unwrap()).collect();
    assert!(distances.len() == 50 && distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!(distances[0] < 500.0, "{distances:?}");
    let s4 = json(&format!("{}/api/v1/observations?indicator=mss_s4&year=2018&per_page=1", server.base));
    assert_eq!(s4["total"], 436);
    // the LOR reform of 2021: the register's 2021 figures (new planning areas) are carried into
    // the old forecast areas and Bezirke with the stored crosswalk, so the series goes on
    let carried = json(&format!("{}/api/v1/observations?indicator=pop_share_under_6&year=2021&per_page=500", server.base));
    assert_eq!(carried["total"], 72, "60 forecast areas and 12 Bezirke");
    assert!(carried["items"].as_array().unwrap().iter().all(|o| o["carried_from"] == "lor-2021"), "{carried}");
    let published = json(&format!("{}/api/v1/observations?indicator=pop_share_under_6&year=2020&per_page=500", server.base));
    assert!(published["items"][0].get("carried_from").is_none());
    let share = |v: &serde_json::Value, key: &str| {
        v["items"].as_array().unwrap().iter().find(|o| o["district_key"] == key).and_then(|o| o["value"].as_f64()).unwrap()
    };
    let (mitte_2020, mitte_2021) = (share(&published, "01"), share(&carried, "01"));
    assert!((mitte_2020 - mitte_2021).abs() < 1.0, "a year apart, the shares are close: {mitte_2020} {mitte_2021}");
    let (status, page) = get(&format!("{}/monitoring/boundaries", server.base));
    assert!(status == 200 && page.contains("<th scope=\"row\">lor-2021</th>"), "{page}");
    // the stored MSS recipe, run on the stored indicator values, gives the published classes
    let (status, csv) = get(&format!("{}/monitoring/recipes/berlin_mss_2019/run?year=2018&format=csv", server.base));
    assert_eq!(status, 200, "{csv}");
    let row = csv.lines().find(|l| l.starts_with("01011101,")).expect("Stülerstraße");
    assert!(row.ends_with(",2+/-"), "{row}");
    assert_eq!(csv.lines().count(), 437, "436 planning areas and the header");
    // sensitivity: a planner saves a variant with a lower "niedrig" threshold and sees which
    // planning areas change class
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let login = agent.get(&format!("{}/login", server.base)).call().unwrap().into_string().unwrap();
    let csrf = hidden(&login, "csrf");
    let signed_in = agent
        .post(&format!("{}/login", server.base))
        .set("Cookie", &format!("kette_csrf={csrf}"))
        .send_form(&[("csrf", csrf.as_str()), ("username", "planung"), ("password", "Mohnblume-Ahorn-7"), ("next", "/")])
        .unwrap();
    let session =
        signed_in.all("set-cookie").into_iter().find(|c| c.starts_with("kette_session=")).unwrap().split(';').next().unwrap().to_string();
    let page = agent.get(&format!("{}/monitoring/recipes", server.base)).set("Cookie", &session).call().unwrap().into_string().unwrap();
    let csrf = hidden(&page, "csrf");
    let variant = std::fs::read_to_string(repo().join("recipes/berlin-mss-2019.toml")).unwrap().replacen(
        "breaks = [-1.0, 1.0, 1.5]",
        "breaks = [-1.0, 0.5, 1.5]",
        1,
    );
    let saved = agent
        .post(&format!("{}/monitoring/recipes", server.base))
        .set("Cookie", &session)
        .send_form(&[("csrf", csrf.as_str()), ("toml", variant.as_str())])
        .unwrap();
    assert_eq!(saved.status(), 303);
    let (status, page) = get(&format!("{}/monitoring/recipes/berlin_mss_2019/run?version=2&year=2018&compare=1", server.base));
    assert_eq!(status, 200);
    let count: usize = page
        .split("<p>")
        .find(|p| p.contains("wechseln die Klasse"))
        .and_then(|p| p.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a count of changes");
    assert!(count > 20 && count < 200, "{count} planning areas between 0.5 and 1.0 move from mittel to niedrig");
    // the planner publishes the variant's index as an indicator: it is on the map at once
    let run = agent
        .get(&format!("{}/monitoring/recipes/berlin_mss_2019/run?version=2&year=2018", server.base))
        .set("Cookie", &session)
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    let csrf = hidden(&run, "csrf");
    let published = agent
        .post(&format!("{}/monitoring/recipes/berlin_mss_2019/publish", server.base))
        .set("Cookie", &session)
        .send_form(&[
            ("csrf", csrf.as_str()),
            ("version", "2"),
            ("year", "2018"),
            ("column", "status_index_value"),
            ("indicator", "mss_variant_index"),
        ])
        .unwrap();
    assert_eq!(published.status(), 303);
    let obs = json(&format!("{}/api/v1/observations?indicator=mss_variant_index&year=2018&per_page=1", server.base));
    assert_eq!(obs["total"], 436);
    assert_eq!(obs["items"][0]["source"], "kette, recipe berlin_mss_2019 v2");
    // population sums up the hierarchy: Berlin's 12 boroughs in 2020
    let mut total = 0;
    for d in json(&format!("{}/api/v1/districts?level=1", server.base))["items"].as_array().unwrap() {
        let detail = json(&format!("{}/api/v1/districts/{}", server.base, d["id"]));
        total += detail["population"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["year"] == 2020)
            .map(|p| p["count"].as_i64().unwrap())
            .sum::<i64>();
    }
    assert!((3_600_000..3_800_000).contains(&total), "{total}");
}

#[test]
fn every_command_explains_itself() {
    for args in [
        vec!["--help"],
        vec!["demo", "--help"],
        vec!["serve", "--help"],
        vec!["municipality", "add", "--help"],
        vec!["user", "add", "--help"],
        vec!["user", "list", "--help"],
        vec!["import", "districts", "--help"],
        vec!["import", "offers", "--help"],
        vec!["import", "agreements", "--help"],
        vec!["index", "run", "--help"],
        vec!["crosswalk", "--help"],
        vec!["indicator", "add", "--help"],
        vec!["import", "indicators", "--help"],
        vec!["import", "crosswalk", "--help"],
        vec!["network", "export", "--help"],
        vec!["network", "metrics", "--help"],
        vec!["reach", "run", "--help"],
        vec!["reach", "nearest", "--help"],
        vec!["reach", "graph", "--help"],
    ] {
        let out = kette(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert!(text(&out).contains("Usage"), "{args:?}");
    }
}

#[test]
fn imports_reject_bad_files_by_name_and_line_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let db = db.to_str().unwrap();
    let write = |name: &str, body: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    assert!(kette(&["municipality", "add", "--db", db, "monheim", "Monheim am Rhein"]).status.success());

    let broken =
        write("broken.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"1"},"geometry":null}]}"#);
    let out = kette(&["import", "districts", "--db", db, &broken]);
    assert!(!out.status.success());
    assert!(text(&out).contains("broken.geojson feature 1, field 'name': missing district name"), "{}", text(&out));

    let good = write(
        "bezirke.geojson",
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"01","name":"Berliner Viertel"},"geometry":{"type":"Polygon","coordinates":[[[6.88,51.08],[6.9,51.08],[6.9,51.1],[6.88,51.08]]]}}]}"#,
    );
    let out = kette(&["import", "districts", "--db", db, &good, "--dry-run"]);
    assert!(out.status.success() && text(&out).contains("1 Sozialräume sind gültig"), "{}", text(&out));
    let out = kette(&["import", "districts", "--db", db, &good, "--level-label", "Stadtteil/Quarter"]);
    assert!(out.status.success(), "{}", text(&out));

    let wrong_column = write("angebote.csv", "organisation;titel;domains\nAWO;Elterncafé;youth_welfare\n".as_bytes());
    let out = kette(&["import", "offers", "--db", db, &wrong_column]);
    assert!(!out.status.success());
    assert!(text(&out).contains("angebote.csv line 1, field 'titel': unknown column"), "{}", text(&out));

    // Windows-1252, semicolons, decimal comma; the second row names a district that does not exist
    let csv = b"organisation;title;domains;life_phases;funding_amount_eur;street;district_key\r\nAWO;Elterncaf\xE9;youth_welfare;early_childhood;1.500,50;Hauptstra\xDFe 1;01\r\nSKF;Krabbelgruppe;youth_welfare;early_childhood;;Markt 2;99\r\n";
    let unknown = write("unbekannt.csv", csv);
    let out = kette(&["import", "offers", "--db", db, &unknown, "--dry-run"]);
    assert!(!out.status.success() && text(&out).contains("unbekannter Sozialraum-Schlüssel „99“"), "{}", text(&out));
    let out = kette(&["import", "offers", "--db", db, &unknown]);
    assert!(!out.status.success());
    assert!(text(&out).contains("unknown district key '99'") && text(&out).contains("nichts wurde importiert"), "{}", text(&out));

    let only_good = write("gut.csv", &csv[..csv.len() - "SKF;Krabbelgruppe;youth_welfare;early_childhood;;Markt 2;99\r\n".len()]);
    let out = kette(&["import", "offers", "--db", db, &only_good]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1 Angebote, 1 Träger und 1 Orte in monheim importiert"), "{}", text(&out));

    let server = serve(db);
    let offers = json(&format!("{}/api/v1/offers", server.base));
    assert_eq!(offers["total"], 1, "the failed imports wrote nothing: {offers}");
    assert_eq!(offers["items"][0]["title"], "Elterncafé");
    assert_eq!(offers["items"][0]["district_name"], "Berliner Viertel");
    let (_, districts) = get(&format!("{}/districts", server.base));
    assert!(districts.contains("<th scope=\"col\">Stadtteil</th>"), "level label from the import");
}

#[test]
fn an_agreement_table_with_an_unknown_organisation_is_refused_whole_and_a_good_one_imports_twice_without_doubling() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let db = db.to_str().unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    assert!(kette(&["municipality", "add", "--db", db, "monheim", "Monheim am Rhein"]).status.success());
    let offers = write(
        "angebote.csv",
        "organisation;organisation_key;title;domains;life_phases\nAWO Monheim;awo;Elterncafé;youth_welfare;early_childhood\nGrundschule am Park;gs-park;Schnuppertag;education;primary\nBibliothek;bib;Lesestunde;education;primary\n",
    );
    assert!(kette(&["import", "offers", "--db", db, &offers]).status.success());
    let table = "agreement_key;title;kind;organisations;since;duty_organisation;duty_task;duty_transition;duty_district\n\
                 k1;Übergang Kita–Schule;cooperation_agreement;awo | Grundschule am Park;01.08.2025;awo;Elternabend vor der Einschulung;kita_to_primary;\n\
                 k1;;;;;gs-park;Schnuppertag für Kita-Kinder;kita_to_primary;99\n\
                 k2;Lesepatenschaften;referral_route;bib|Caritas;;;;;\n";
    let unknown = write("vereinbarungen.csv", table);
    let out = kette(&["import", "agreements", "--db", db, &unknown]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("vereinbarungen.csv line 4, field 'organisations': no organisation with the key or name 'Caritas'"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("line 3, field 'duty_district': no district with the key '99'"), "every problem at once: {}", text(&out));
    let itself = write("selbst.csv", "agreement_key;title;kind;organisations\nk3;Allein;joint_offer;awo|AWO Monheim\n");
    let out = kette(&["import", "agreements", "--db", db, &itself]);
    assert!(!out.status.success() && text(&out).contains("selbst.csv line 2, field 'organisations'"), "{}", text(&out));
    let good = write("gut.csv", &table.replace("bib|Caritas", "bib|awo").replace("kita_to_primary;99", "kita_to_primary;"));
    let out = kette(&["import", "agreements", "--db", db, &good, "--dry-run"]);
    assert!(out.status.success() && text(&out).contains("2 Vereinbarungen mit 2 Aufgaben sind gültig"), "{}", text(&out));
    let out = kette(&["import", "agreements", "--db", db, &good]);
    assert!(
        out.status.success() && text(&out).contains("2 Vereinbarungen neu, 0 ersetzt"),
        "nothing of the refused files was written: {}",
        text(&out)
    );
    let out = kette(&["import", "agreements", "--db", db, &good]);
    assert!(out.status.success() && text(&out).contains("0 Vereinbarungen neu, 2 ersetzt"), "{}", text(&out));
    let graph = dir.path().join("netz.graphml");
    assert!(kette(&["network", "export", "--db", db, "--format", "graphml", "--out", graph.to_str().unwrap()]).status.success());
    let graphml = std::fs::read_to_string(&graph).unwrap();
    assert_eq!(graphml.matches("<edge ").count(), 2, "awo–school and library–awo: {graphml}");
}

#[test]
fn user_add_creates_an_account_that_can_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("u.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "x", "X"]).status.success());
    let out = Command::new(BIN)
        .args(["user", "add", "--db", db, "--username", "kim", "--role", "coordinator"])
        .env("KETTE_PASSWORD", "ein-langes-passwort")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = kette(&["user", "add", "--db", db, "--username", "eve", "--role", "chef", "--password", "ein-langes-passwort"]);
    assert!(!out.status.success() && text(&out).contains("Unbekannte Rolle „chef“"), "{}", text(&out));
    let out = kette(&["user", "add", "--db", db, "--username", "pat", "--role", "partner_editor", "--password", "ein-langes-passwort"]);
    assert!(!out.status.success() && text(&out).contains("needs an organisation"), "{}", text(&out));
    let out = kette(&["user", "add", "--db", db, "--username", "lee", "--role", "viewer", "--password", "aaaaaaaaaa"]);
    assert!(!out.status.success() && text(&out).contains("leicht zu erraten"), "{}", text(&out));
    let out = kette(&["user", "add", "--db", db, "--username", "lee", "--role", "viewer", "--password", "password123"]);
    assert!(!out.status.success() && text(&out).contains("gestohlener Passwörter"), "{}", text(&out));
    let list = kette(&["user", "list", "--db", db]);
    assert!(text(&list).contains("kim\tcoordinator"));
    assert!(!text(&list).contains("lee"), "refused accounts are not created");
    let server = serve(db);
    let agent = ureq::agent();
    let login = agent.get(&format!("{}/login", server.base)).call().unwrap().into_string().unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = login.find(marker).unwrap() + marker.len();
    let csrf = &login[start..start + login[start..].find('"').unwrap()];
    // ureq 2 keeps no cookies: send the anonymous CSRF cookie by hand
    let res = agent.post(&format!("{}/login", server.base)).set("Cookie", &format!("kette_csrf={csrf}")).send_form(&[
        ("csrf", csrf),
        ("username", "kim"),
        ("password", "ein-langes-passwort"),
        ("next", "/"),
    ]);
    match res {
        Ok(r) => assert_eq!(r.status(), 200, "followed the redirect to the start page"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn index_run_reproduces_the_mss_2019_classes_from_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mss2019.csv");
    let data = repo().join("data/berlin/mss/berlin-lor-monitoring-social-urban-development-2019-00-planning-areas.csv");
    let recipe = repo().join("recipes/berlin-mss-2019.toml");
    let res = kette(&["index", "run", recipe.to_str().unwrap(), "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(res.status.success(), "{}", text(&res));
    assert!(text(&res).contains("436 Zeilen"), "{}", text(&res));
    let csv = std::fs::read_to_string(&out).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    for col in [
        "z_s4_percentage_transfer_payments_recipients_below_15_years",
        "status_sum",
        "status_index_value",
        "status_class",
        "dynamics_class",
        "status_dynamics_class",
    ] {
        assert!(header.contains(&col), "{col} missing in {header:?}");
    }
    // Stülerstraße: published "2+/-"
    let row = csv.lines().find(|l| l.starts_with("01011101,")).unwrap();
    assert!(row.ends_with(",2+/-"), "{row}");
    // a recipe naming a missing indicator: named, and no output file
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"k99\"]\n").unwrap();
    let out2 = dir.path().join("never.csv");
    let res = kette(&["index", "run", bad.to_str().unwrap(), "--data", data.to_str().unwrap(), "--out", out2.to_str().unwrap()]);
    assert!(!res.status.success() && text(&res).contains("column 'k99' does not exist"), "{}", text(&res));
    assert!(!out2.exists());
}

/// The factor-index example from a raw table: gaps filled, the run's notes on standard error
/// (components, orientation, and a warning for the rows a missing input leaves empty), and the
/// Kreise as their own level.
#[test]
fn index_run_fills_gaps_and_says_what_a_reader_must_know() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "beschaeftigte_akademisch",
        "beschaeftigte_ohne_abschluss",
        "schulabgaenger_ohne_abschluss",
        "arbeitslosenquote",
        "beschaeftigtenquote",
        "bruttoverdienst",
        "haushaltseinkommen",
        "schuldnerquote",
        "einkommensteuer",
    ];
    let mut table = format!("gemeinde;jahr;bevoelkerung;{}\n", names.join(";"));
    for g in 0..40u32 {
        let deprivation = f64::from((g * 7919) % 40) / 40.0;
        for year in 2015..2020u32 {
            table.push_str(&format!("{:05}{:03};{year};{}", 7000 + g / 8, g % 8, 1000 + g * 10));
            for (k, name) in names.iter().enumerate() {
                let sign = if [0, 4, 5, 6, 8].contains(&k) { -1.0 } else { 1.0 };
                let wobble = f64::from((g * 31 + year * 17 + k as u32 * 13) % 11) / 11.0;
                let value = 20.0 + sign * 10.0 * deprivation + wobble;
                let gap = (*name == "bruttoverdienst" && (g + year) % 9 == 0) || (*name == "haushaltseinkommen" && g == 3 && year == 2017);
                table.push_str(&if gap { ";".to_string() } else { format!(";{}", format!("{value:.2}").replace('.', ",")) });
            }
            table.push('\n');
        }
    }
    let data = dir.path().join("gemeinden.csv");
    std::fs::write(&data, table).unwrap();
    let out = dir.path().join("index.csv");
    let recipe = repo().join("recipes/factor-index.toml");
    let res = kette(&["index", "run", recipe.to_str().unwrap(), "--data", data.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let said = text(&res);
    assert!(res.status.success(), "{said}");
    assert!(said.contains("Schritt 8, bildung: erklärte Varianz je Hauptkomponente"), "{said}");
    assert!(said.contains("Schritt 10, einkommen: Der Wert steigt mit schuldnerquote (r = "), "{said}");
    assert!(
        said.contains("Warnung: Schritt 10 (pca): 1 von 200 Zeilen haben keinen Wert in einkommen; dort fehlt: haushaltseinkommen (1)."),
        "{said}"
    );
    assert!(
        said.contains("Warnung: Schritt 16 (quantiles): 1 von 200 Zeilen haben keinen Wert in dezil; dort fehlt: score (1)."),
        "the result's gap: {said}"
    );
    assert_eq!(said.matches("Warnung").count(), 2, "a gap passed on is not repeated at every step: {said}");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("gemeinde,jahr,level,"), "{}", &csv[..200]);
    assert_eq!(csv.lines().filter(|l| l.contains(",kreis,")).count(), 5 * 5, "five Kreise in five years");
    let filled = csv.lines().find(|l| l.starts_with("07000000,2015,")).unwrap();
    assert!(!filled.contains(",,"), "the gap of bruttoverdienst in 07000000/2015 is filled: {filled}");
}

#[test]
fn indicator_values_import_with_catalogue_checks_and_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let db = db.to_str().unwrap();
    let write = |name: &str, body: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    assert!(kette(&["municipality", "add", "--db", db, "monheim", "Monheim am Rhein"]).status.success());
    let geo = write(
        "b.geojson",
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"01","name":"Berliner Viertel"},"geometry":{"type":"Polygon","coordinates":[[[6.88,51.08],[6.9,51.08],[6.9,51.1],[6.88,51.08]]]}}]}"#,
    );
    assert!(kette(&["import", "districts", "--db", db, &geo]).status.success());
    // German Excel, long layout with numerator and denominator
    let table =
        write("sgb2.csv", b"Gebiet;Indikator;Jahr;Z\xE4hler;Nenner\r\n01;kinderarmut;2023;120;480\r\n01;alleinerziehende;2023;30;100\r\n");
    let out = kette(&["import", "indicators", "--db", db, &table]);
    assert!(!out.status.success());
    assert!(text(&out).contains("unbekannte Indikatoren „alleinerziehende“, „kinderarmut“"), "{}", text(&out));
    for (code, name) in [("kinderarmut", "Kinderarmut"), ("alleinerziehende", "Alleinerziehende")] {
        let out = kette(&[
            "indicator",
            "add",
            "--db",
            db,
            code,
            "--name-de",
            name,
            "--min-denominator",
            "50",
            "--numerator",
            "Kinder in SGB II",
            "--denominator",
            "Kinder",
            "--release-date",
            "2024-03-31",
        ]);
        assert!(out.status.success(), "{}", text(&out));
    }
    assert!(!kette(&["indicator", "add", "--db", db, "Kinder Armut", "--name-de", "x"]).status.success());
    let bad_date = kette(&["indicator", "add", "--db", db, "x1", "--name-de", "x", "--release-date", "31.13.2024"]);
    assert!(!bad_date.status.success() && text(&bad_date).contains("kein Datum"), "{}", text(&bad_date));
    let out = kette(&["import", "indicators", "--db", db, &table, "--dry-run"]);
    assert!(out.status.success() && text(&out).contains("2 Werte sind gültig"), "{}", text(&out));
    let bad = write("bad.csv", b"key;year;kinderarmut\n01;2023;12,5\n99;2023;3\n");
    let out = kette(&["import", "indicators", "--db", db, &bad]);
    assert!(!out.status.success() && text(&out).contains("„99“"), "{}", text(&out));
    let out = kette(&["import", "indicators", "--db", db, &table]);
    assert!(out.status.success(), "{}", text(&out));
    let server = serve(db);
    let obs = json(&format!("{}/api/v1/observations?indicator=kinderarmut", server.base));
    assert_eq!(obs["total"], 1, "the failed wide import wrote nothing");
    assert_eq!(obs["items"][0]["value"], 25.0);
    assert_eq!(obs["items"][0]["numerator"], 120.0);
    assert_eq!(obs["items"][0]["source"], "sgb2.csv");
    let catalogue = json(&format!("{}/api/v1/indicators", server.base));
    let k = catalogue["items"].as_array().unwrap().iter().find(|i| i["code"] == "kinderarmut").unwrap().clone();
    assert_eq!((k["numerator_definition"].as_str(), k["release_date"].as_str()), (Some("Kinder in SGB II"), Some("2024-03-31")));
    drop(server);

    // a boundary reform: the statistics office now publishes for areas A and B, which together
    // make up district 01
    let table_2024 =
        write("neu.csv", b"Gebiet;Indikator;Jahr;Z\xE4hler;Nenner\r\nA;kinderarmut;2024;100;400\r\nB;kinderarmut;2024;50;100\r\n");
    let out = kette(&["import", "indicators", "--db", db, &table_2024, "--boundary-version", "neu2024"]);
    assert!(!out.status.success() && text(&out).contains("kette import crosswalk"), "{}", text(&out));
    let bad_links = write("bad-links.csv", b"from,to,weight\nA,01,1\nB,01,zwei\nC,77,1\n");
    let out = kette(&["import", "crosswalk", "--db", db, &bad_links, "--from-version", "neu2024"]);
    assert!(!out.status.success() && text(&out).contains("bad-links.csv line 3, field 'weight'"), "{}", text(&out));
    let wrong_target = write("wrong.csv", b"from,to,weight\nA,01,1\nC,77,1\n");
    let out = kette(&["import", "crosswalk", "--db", db, &wrong_target, "--from-version", "neu2024"]);
    assert!(!out.status.success() && text(&out).contains("77"), "{}", text(&out));
    let links = write("links.csv", b"from;to;weight\nA;01;1\nB;01;1\n");
    let out = kette(&["import", "crosswalk", "--db", db, &links, "--from-version", "neu2024"]);
    assert!(out.status.success() && text(&out).contains("neu2024 → default"), "{}", text(&out));
    let out = kette(&["import", "indicators", "--db", db, &table_2024, "--boundary-version", "neu2024"]);
    assert!(out.status.success() && text(&out).contains("in 1 Werte"), "{}", text(&out));
    let server = serve(db);
    let obs = json(&format!("{}/api/v1/observations?indicator=kinderarmut&year=2024", server.base));
    assert_eq!(obs["items"][0]["numerator"], 150.0);
    assert_eq!(obs["items"][0]["denominator"], 500.0);
    assert_eq!(obs["items"][0]["value"], 30.0);
    assert_eq!(obs["items"][0]["carried_from"], "neu2024");
    let earlier = json(&format!("{}/api/v1/observations?indicator=kinderarmut&year=2023", server.base));
    assert!(earlier["items"][0].get("carried_from").is_none(), "published values are not marked");
}

#[test]
fn crosswalk_between_the_old_and_new_berlin_forecast_areas() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("links.csv");
    let old = repo().join("data/berlin/geo/berlin-lor-forecast-areas-until-2020.geojson");
    let new = repo().join("data/berlin/geo/berlin-lor-forecast-areas-from-2021.geojson");
    let res = kette(&["crosswalk", old.to_str().unwrap(), new.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(res.status.success(), "{}", text(&res));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().next(), Some("from,to,weight"));
    let links = csv.lines().count() - 1;
    assert!((58..400).contains(&links), "{links}");
    let sum: f64 =
        csv.lines().skip(1).filter(|l| l.starts_with("0101,")).map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-4, "weights of 0101 sum to 1: {sum}");
}

#[test]
fn districts_import_from_shapefile_and_geopackage_in_projected_coordinates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "berlin", "Berlin"]).status.success());
    let shp = repo().join("data/berlin/derived/bezirke-25833.shp");
    let out = kette(&["import", "districts", "--db", db, shp.to_str().unwrap(), "--dry-run"]);
    assert!(out.status.success() && text(&out).contains("12 Sozialräume sind gültig"), "{}", text(&out));
    let gpkg = repo().join("data/berlin/derived/bezirke-3035.gpkg");
    let out = kette(&["import", "districts", "--db", db, gpkg.to_str().unwrap(), "--layer", "bezirke"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = kette(&["import", "districts", "--db", db, gpkg.to_str().unwrap(), "--layer", "nope"]);
    assert!(!out.status.success() && text(&out).contains("layers: bezirke"), "{}", text(&out));
    let out = kette(&["import", "districts", "--db", db, shp.to_str().unwrap(), "--crs", "31468"]);
    assert!(!out.status.success() && text(&out).contains("EPSG:31468"), "{}", text(&out));
    let server = serve(db);
    let list = json(&format!("{}/api/v1/districts?level=1", server.base));
    assert_eq!(list["total"], 12);
    let neukoelln = list["items"].as_array().unwrap().iter().find(|d| d["key"] == "08").unwrap();
    assert_eq!(neukoelln["name"], "Neukölln");
    let bbox = neukoelln["bbox"].as_array().unwrap();
    // Neukölln lies at about 13.4–13.52 °E, 52.39–52.50 °N
    assert!((13.38..13.42).contains(&bbox[0].as_f64().unwrap()) && (52.38..52.40).contains(&bbox[1].as_f64().unwrap()), "{bbox:?}");
}

#[test]
fn hsds_import_is_all_or_nothing_unless_partial_and_serves_what_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "monheim", "Monheim am Rhein"]).status.success());
    // the official HSDS 3.0 example, moved to Monheim (its own coordinates do not exist)
    let example = std::fs::read_to_string(repo().join("crates/hsds/spec/3.0/examples/service_full.json")).unwrap();
    let mut good: serde_json::Value = serde_json::from_str(&example).unwrap();
    good["service_at_locations"][0]["location"]["latitude"] = serde_json::json!(51.09);
    good["service_at_locations"][0]["location"]["longitude"] = serde_json::json!(6.89);
    // its assured date (2005) would keep it out of the public directory as unverified for
    // years; a directory exchanging it today would have checked it
    good["assured_date"] = serde_json::json!(time::OffsetDateTime::now_utc().date().to_string());
    let mut bad = good.clone();
    bad["id"] = serde_json::json!("e2e-kein-uuid");
    let file = dir.path().join("dienste.json");
    std::fs::write(&file, serde_json::json!([good, bad]).to_string()).unwrap();
    let file = file.to_str().unwrap();

    let out = kette(&["import", "hsds", "--db", db, file, "--domain", "health"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("$[1].id: must be a UUID") && text(&out).contains("nichts importiert"), "{}", text(&out));
    let out = kette(&["import", "hsds", "--db", db, file, "--domain", "health", "--partial"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1 Angebote, 1 Träger, 1 Orte in monheim importiert (1 ungültige übersprungen"), "{}", text(&out));

    let server = serve(db);
    let page = json(&format!("{}/hsds/services?search=counselling", server.base));
    assert_eq!(page["total_items"], 1, "{page}");
    assert_eq!(page["contents"][0]["id"], "ac148810-d857-441c-9679-408f346de14b", "the imported UUID is kept");
    let one = json(&format!("{}/hsds/services/ac148810-d857-441c-9679-408f346de14b", server.base));
    assert_eq!(one["organization"]["name"], "Example Organization Inc.");
    assert_eq!(one["minimum_age"], 12.0);
}

#[test]
fn hsds_tabular_export_imports_elsewhere_and_the_official_csv_example_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "monheim", "Monheim am Rhein"]).status.success());
    let out = kette(&["municipality", "confidentiality", "--db", db, "monheim", "--min-count", "5", "--round-to", "5"]);
    assert!(out.status.success() && text(&out).contains("ab 5"), "{}", text(&out));
    let out = kette(&["municipality", "confidentiality", "--db", db, "monheim", "--min-count", "0"]);
    assert!(!out.status.success() && text(&out).contains("minimum count"), "{}", text(&out));
    // the official tabular example: read, nested, and its impossible latitude reported by file and line
    let example = repo().join("crates/hsds/spec/3.0/examples/csv");
    let out = kette(&["import", "hsds", "--db", db, example.to_str().unwrap(), "--domain", "health"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("services.csv line 2") && text(&out).contains("latitude"), "{}", text(&out));
    // a copy with a real latitude imports
    let copy = dir.path().join("beispiel");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&example).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.file_name().unwrap() == "locations.csv" {
            text = text.replace(",100,101,", ",51.09,6.89,");
        }
        if path.file_name().unwrap() == "services.csv" {
            text = text.replace(",2005-01-01,", &format!(",{},", time::OffsetDateTime::now_utc().date()));
        }
        // a partner without a service (all its offers ended) and its place: HSDS holds them
        if path.file_name().unwrap() == "organizations.csv" {
            text.push_str(
                "6f7c1d1e-8b1a-4a53-9a4e-0f3a2b9c5d11,Verein ohne Angebote,,Ein Nachbarschaftsverein,verein@example.org,,,,,,,,\r\n",
            );
        }
        if path.file_name().unwrap() == "locations.csv" {
            text.push_str(
                "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d,physical,,6f7c1d1e-8b1a-4a53-9a4e-0f3a2b9c5d11,Vereinsheim,,,,51.1,6.9,,\r\n",
            );
        }
        std::fs::write(copy.join(path.file_name().unwrap()), text).unwrap();
    }
    let out = kette(&["import", "hsds", "--db", db, copy.join("datapackage.json").to_str().unwrap(), "--domain", "health"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1 Angebote, 2 Träger, 2 Orte in monheim importiert"), "{}", text(&out));

    // out as tables, in again elsewhere: the same service
    let tables = dir.path().join("export");
    let out = kette(&["export", "hsds", "--db", db, tables.to_str().unwrap(), "--tabular"]);
    assert!(out.status.success() && text(&out).contains("1 Dienste"), "{}", text(&out));
    assert!(tables.join("datapackage.json").exists() && tables.join("service_at_location.csv").exists());
    let services = std::fs::read_to_string(tables.join("services.csv")).unwrap();
    assert!(
        services.starts_with("id,organization_id,program_id,name,") && services.contains("ac148810-d857-441c-9679-408f346de14b"),
        "{services}"
    );
    let again = kette(&["export", "hsds", "--db", db, tables.to_str().unwrap(), "--tabular"]);
    assert!(!again.status.success() && text(&again).contains("gibt es schon"), "no overwriting: {}", text(&again));
    assert!(kette(&["municipality", "add", "--db", db, "langenfeld", "Langenfeld"]).status.success());
    let organisations = std::fs::read_to_string(tables.join("organizations.csv")).unwrap();
    assert!(organisations.contains("Verein ohne Angebote"), "partners without offers are exported: {organisations}");
    let out = kette(&["import", "hsds", "--db", db, tables.to_str().unwrap(), "--municipality", "langenfeld"]);
    assert!(out.status.success() && text(&out).contains("1 Angebote, 2 Träger, 2 Orte in langenfeld"), "{}", text(&out));
    // the same package as a zip archive, out and in
    let zipped = dir.path().join("paket.zip");
    let out = kette(&["export", "hsds", "--db", db, zipped.to_str().unwrap(), "--tabular"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(&std::fs::read(&zipped).unwrap()[..4], b"PK\x03\x04");
    assert!(!dir.path().join("paket.zip.partial.d").exists() && !dir.path().join("paket.zip.partial").exists(), "nothing left beside it");
    assert!(kette(&["municipality", "add", "--db", db, "hilden", "Hilden"]).status.success());
    let out = kette(&["import", "hsds", "--db", db, zipped.to_str().unwrap(), "--municipality", "hilden"]);
    assert!(out.status.success() && text(&out).contains("1 Angebote, 2 Träger, 2 Orte in hilden"), "{}", text(&out));
    let not_zip = dir.path().join("kaputt.zip");
    std::fs::write(&not_zip, b"kein Archiv").unwrap();
    let out = kette(&["import", "hsds", "--db", db, not_zip.to_str().unwrap(), "--municipality", "hilden"]);
    assert!(!out.status.success() && text(&out).contains("kaputt.zip: not a zip archive"), "{}", text(&out));
    // a zip bomb: 256 MiB of one repeated line in a small archive, refused without taking the memory
    let bomb = dir.path().join("bombe.zip");
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
        zip.start_file("services.csv", options).unwrap();
        let line = [b'a'; 1 << 20];
        for _ in 0..256 {
            zip.write_all(&line).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2 << 20);
    let out = kette(&["import", "hsds", "--db", db, bomb.to_str().unwrap(), "--municipality", "hilden"]);
    assert!(
        !out.status.success() && text(&out).contains("services.csv unpacks to more than") && text(&out).contains("zip bomb"),
        "{}",
        text(&out)
    );
    let ndjson = dir.path().join("alle.ndjson");
    let out = kette(&["export", "hsds", "--db", db, ndjson.to_str().unwrap(), "--municipality", "langenfeld"]);
    assert!(out.status.success(), "{}", text(&out));
    let line: serde_json::Value = serde_json::from_str(std::fs::read_to_string(&ndjson).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(line["name"], "Community Counselling");
    assert_eq!(line["organization"]["name"], "Example Organization Inc.");
    assert_eq!(line["service_at_locations"][0]["location"]["latitude"], 51.09);
    // a broken cell: named by file, line and column; nothing written
    let broken = dir.path().join("kaputt");
    std::fs::create_dir(&broken).unwrap();
    for entry in std::fs::read_dir(&tables).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if path.file_name().unwrap() == "locations.csv" { text.replace(",51.09,", ",51°5',") } else { text };
        std::fs::write(broken.join(path.file_name().unwrap()), text).unwrap();
    }
    let out = kette(&["import", "hsds", "--db", db, broken.to_str().unwrap(), "--municipality", "langenfeld"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("locations.csv line 2, column latitude: expected a number"), "{}", text(&out));
}

#[test]
fn the_server_builds_the_search_catalogue_at_start_without_waiting_for_a_search() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "monheim", "Monheim am Rhein"]).status.success());
    let mut child = Command::new(BIN)
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start server");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("search catalogue ready") {
                let _ = tx.send(line);
                return;
            }
        }
    });
    let line = rx.recv_timeout(std::time::Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("no 'search catalogue ready' within 60 s of the start");
    // without the terminal colours
    let mut plain = String::new();
    let mut in_escape = false;
    for c in line.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => plain.push(c),
        }
    }
    assert!(plain.contains("municipality=monheim offers=0"), "{plain}");
}

/// Slow clients (slowloris): a connection that sends no complete request head, or stays idle
/// after one, is closed after the header timeout; one address cannot hold more than its share.
#[test]
fn slow_and_greedy_clients_are_cut_off() {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "x", "X"]).status.success());
    let server = serve_with(db, &["--header-timeout-secs", "1", "--max-connections-per-client", "3"]);
    let addr = server.base.trim_start_matches("http://").to_string();
    let closed_within = |stream: &mut TcpStream, limit: Duration| -> bool {
        stream.set_read_timeout(Some(limit)).unwrap();
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => return true,
                Ok(_) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
                Err(_) => return false,
            }
        }
    };
    // half a request head, then nothing
    let started = Instant::now();
    let mut slow = TcpStream::connect(&addr).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    assert!(closed_within(&mut slow, Duration::from_secs(5)), "a stalled request head is cut off");
    assert!(started.elapsed() >= Duration::from_millis(900), "not before the timeout: {:?}", started.elapsed());
    // one whole request, answered, then idle
    let mut idle = TcpStream::connect(&addr).unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    assert!(closed_within(&mut idle, Duration::from_secs(5)), "an idle keep-alive connection is closed");
    // three connections from one address are allowed, the fourth is closed at once
    let held: Vec<TcpStream> = (0..3).map(|_| TcpStream::connect(&addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let mut fourth = TcpStream::connect(&addr).unwrap();
    let started = Instant::now();
    let _ = fourth.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(closed_within(&mut fourth, Duration::from_secs(5)));
    assert!(started.elapsed() < Duration::from_millis(900), "refused at once, not by the timeout");
    drop(held);
    std::thread::sleep(Duration::from_millis(200));
    let (status, _) = get(&format!("{}/healthz", server.base));
    assert_eq!(status, 200, "places are given back when connections end");
}

/// Broken and oversized district polygons are refused by feature and field; the public gets a
/// simplified outline, staff the stored boundary on request.
#[test]
fn district_geometry_is_checked_and_the_public_gets_outlines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "x", "X"]).status.success());
    let feature = |key: &str, coordinates: String| {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{key}","name":"Gebiet {key}"}},"geometry":{{"type":"Polygon","coordinates":{coordinates}}}}}"#
        )
    };
    let write = |name: &str, features: &[String]| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","))).unwrap();
        path.to_str().unwrap().to_string()
    };
    // a circle of about 1 km around a point in Berlin with 20,000 corners
    let circle = |n: usize| {
        let points: Vec<String> = (0..=n)
            .map(|i| {
                let a = (i % n) as f64 * std::f64::consts::TAU / n as f64;
                format!("[{:.7},{:.7}]", 13.4 + 0.015 * a.cos(), 52.5 + 0.009 * a.sin())
            })
            .collect();
        format!("[[{}]]", points.join(","))
    };
    let bow_tie = "[[[13.0,52.0],[13.1,52.1],[13.1,52.0],[13.0,52.1],[13.0,52.0]]]".to_string();
    let bad = write("kaputt.geojson", &[feature("01", bow_tie), feature("02", "[]".into()), feature("03", circle(1_000_000))]);
    let out = kette(&["import", "districts", "--db", db, &bad]);
    let t = text(&out);
    assert!(!out.status.success(), "{t}");
    assert!(t.contains("feature 1, field 'geometry': the outline crosses itself near 13.050000, 52.050000"), "{t}");
    assert!(t.contains("feature 2, field 'geometry'"), "{t}");
    assert!(t.contains("feature 3, field 'geometry': the outline has 1000001 corners, at most 100000"), "{t}");
    let good = write("gut.geojson", &[feature("01", circle(20_000))]);
    let out = kette(&["import", "districts", "--db", db, &good]);
    assert!(out.status.success(), "{}", text(&out));
    let server = serve(db);
    let (status, body) = get(&format!("{}/api/v1/districts/1", server.base));
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let corners = v["geometry"]["coordinates"][0].as_array().unwrap().len();
    assert!((20..2_000).contains(&corners), "the public outline is simplified: {corners} corners");
    assert!(body.len() < 64 * 1024, "{} bytes", body.len());
    let (status, _) = get(&format!("{}/api/v1/districts/1?geometry=full", server.base));
    assert_eq!(status, 403, "the stored boundary is for staff");
}

/// Many editors at once (issue 11): twelve coordinators save offers through the API of the real
/// server at the same time. Every save waits its turn and succeeds, and every acknowledged edit
/// is what the offer says afterwards. (Throughput and latency: `scripts/bench concurrent`.)
#[test]
fn concurrent_saves_through_the_real_server_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "x", "X"]).status.success());
    let offers = dir.path().join("angebote.csv");
    let rows: String = (0..24).map(|i| format!("Träger {i};Angebot {i};health;early_childhood\n")).collect();
    std::fs::write(&offers, format!("organisation;title;domains;life_phases\n{rows}")).unwrap();
    let out = kette(&["import", "offers", "--db", db, offers.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let out = kette(&["user", "add", "--db", db, "--username", "kim", "--role", "coordinator", "--password", "Tulpe Brezel Kanal Ofen"]);
    assert!(out.status.success(), "{}", text(&out));
    let server = serve(db);
    let base = server.base.clone();
    let sign_in = || -> (String, String) {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let login = agent.get(&format!("{base}/login")).call().unwrap();
        let cookie = login.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
        let csrf = hidden(&login.into_string().unwrap(), "csrf");
        let answer = match agent.post(&format!("{base}/login")).set("Cookie", &cookie).send_form(&[
            ("csrf", csrf.as_str()),
            ("username", "kim"),
            ("password", "Tulpe Brezel Kanal Ofen"),
            ("next", "/"),
        ]) {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{e}"),
        };
        let session = answer.all("set-cookie").into_iter().find(|c| c.starts_with("kette_session=")).unwrap();
        let session = session.split(';').next().unwrap().to_string();
        let page = agent.get(&format!("{base}/offers")).set("Cookie", &session).call().unwrap().into_string().unwrap();
        (session, hidden(&page, "csrf"))
    };
    let list = json(&format!("{base}/api/v1/offers?per_page=100"));
    let ids: Vec<i64> = list["items"].as_array().unwrap().iter().map(|o| o["id"].as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 24);
    let editors: Vec<_> = (0..12)
        .map(|e| {
            let (session, csrf) = sign_in();
            let (base, mine) = (base.clone(), vec![ids[2 * e], ids[2 * e + 1]]);
            std::thread::spawn(move || {
                let agent = ureq::agent();
                let mut last = vec![String::new(); mine.len()];
                let mut failures = vec![];
                for n in 0..15 {
                    let k = n % mine.len();
                    let title = format!("Angebot {} Fassung {n}", mine[k]);
                    let body = serde_json::json!({"title": title, "domains": ["health"], "life_phases": ["early_childhood"]});
                    match agent
                        .put(&format!("{base}/api/v1/offers/{}", mine[k]))
                        .set("Cookie", &session)
                        .set("X-CSRF-Token", &csrf)
                        .set("Content-Type", "application/json")
                        .send_string(&body.to_string())
                    {
                        Ok(r) if r.status() == 200 => last[k] = title,
                        Ok(r) => failures.push(format!("{}: {}", r.status(), r.into_string().unwrap_or_default())),
                        Err(ureq::Error::Status(code, r)) => failures.push(format!("{code}: {}", r.into_string().unwrap_or_default())),
                        Err(e) => failures.push(e.to_string()),
                    }
                }
                (mine, last, failures)
            })
        })
        .collect();
    for editor in editors {
        let (mine, last, failures) = editor.join().unwrap();
        assert!(failures.is_empty(), "saves failed: {failures:?}");
        for (id, title) in mine.iter().zip(last) {
            assert_eq!(json(&format!("{base}/api/v1/offers/{id}"))["title"], title, "the acknowledged edit of offer {id} is kept");
        }
    }
}

/// Log lines written to a file or a pipe carry no terminal colour codes.
#[test]
fn logs_into_a_file_have_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let out =
        Command::new(BIN).args(["municipality", "add", "--db", db.to_str().unwrap(), "x", "X"]).env("KETTE_LOG", "info").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("applied migration"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
}

#[test]
fn network_metrics_read_any_graphml_graph_and_the_export_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    // a triangle a–b–c with a tail c–d, a pair e–f and g alone; values as networkx 3.6 gives them
    let graphml = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/><node id="c"/><node id="d"/><node id="e"/><node id="f"/><node id="g"/>
    <edge source="a" target="b"/><edge source="b" target="c"/><edge source="c" target="a"/>
    <edge source="c" target="d"/><edge source="e" target="f"/>
  </graph>
</graphml>"#;
    let file = dir.path().join("small.graphml");
    std::fs::write(&file, graphml).unwrap();
    let out = kette(&["network", "metrics", "--json", "--graphml", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["nodes"].as_u64(), v["edges"].as_u64(), v["components"].as_u64()), (Some(7), Some(5), Some(3)), "{v}");
    assert!((v["density"].as_f64().unwrap() - 0.23809523809523808).abs() < 1e-12);
    assert!((v["betweenness"]["c"].as_f64().unwrap() - 0.13333333333333333).abs() < 1e-12, "{v}");
    assert!((v["closeness"]["d"].as_f64().unwrap() - 0.3).abs() < 1e-12, "{v}");
    assert_eq!(v["degree_centrality"]["g"].as_f64(), Some(0.0));
    // the summary for people names the sizes
    let human = kette(&["network", "metrics", "--graphml", file.to_str().unwrap()]);
    assert!(text(&human).contains("7 Knoten, 5 Kanten"), "{}", text(&human));
    // not GraphML, directed: refused by name, no panic
    let bad = dir.path().join("page.graphml");
    std::fs::write(&bad, "<html><body>kein Graph</body></html>").unwrap();
    let out = kette(&["network", "metrics", "--graphml", bad.to_str().unwrap()]);
    assert!(!out.status.success() && text(&out).contains("page.graphml") && text(&out).contains("not a GraphML file"), "{}", text(&out));
    assert!(!text(&out).contains("panicked"));
    std::fs::write(&bad, graphml.replace("undirected", "directed")).unwrap();
    let out = kette(&["network", "metrics", "--graphml", bad.to_str().unwrap()]);
    assert!(!out.status.success() && text(&out).contains("line 3") && text(&out).contains("directed"), "{}", text(&out));

    // a municipality's network as GraphML (read back), GEXF and CSV
    let db = dir.path().join("net.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "netzstadt", "Netzstadt"]).status.success());
    for (format, name, starts) in [("graphml", "net.graphml", "<?xml"), ("gexf", "net.gexf", "<?xml"), ("csv", "net.csv", "source_id,")] {
        let path = dir.path().join(name);
        let out = kette(&["network", "export", "--db", db, "--format", format, "--out", path.to_str().unwrap()]);
        assert!(out.status.success(), "{format}: {}", text(&out));
        assert!(std::fs::read_to_string(&path).unwrap().starts_with(starts), "{format}");
    }
    let out = kette(&["network", "metrics", "--json", "--graphml", dir.path().join("net.graphml").to_str().unwrap()]);
    assert!(out.status.success(), "the export reads back: {}", text(&out));
}

/// `kette reach`: distances on Heidelberg's real street network (© OpenStreetMap contributors)
/// from a table of homes to the file's kindergartens and a table of schools; the graph export
/// and the bare algorithm give the same distance for a home that is a network node.
#[test]
fn reach_runs_on_a_real_extract_and_the_bare_algorithm_agrees_on_the_exported_graph() {
    let dir = tempfile::tempdir().unwrap();
    let osm = repo().join("data/osm/heidelberg.test.pbf");
    let osm = osm.to_str().unwrap();
    let homes = dir.path().join("homes.csv");
    std::fs::write(&homes, "id;lat;lon;Kinder\nbismarckplatz;49,4094;8,6930;12\nweststadt;49,4030;8,6880;7\nmeer;43,0;5,0;1\n").unwrap();
    let schools = dir.path().join("schulen.csv");
    std::fs::write(&schools, "lat,lon,kind\n49.4105,8.6950,grundschule\n49.3990,8.6720,grundschule\n").unwrap();
    let out = dir.path().join("reach.csv");
    let o = kette(&[
        "reach",
        "run",
        "--osm",
        osm,
        "--pois",
        "osm:amenity=kindergarten",
        "--pois",
        schools.to_str().unwrap(),
        "--origins",
        homes.to_str().unwrap(),
        "--cutoff-min",
        "20",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let log = text(&o);
    assert!(log.contains("Wegenetz „walking“") && log.contains("OpenStreetMap-Mitwirkende"), "{log}");
    assert!(log.contains("Warnung: 1 of 3 origin(s)"), "{log}");
    assert!(log.contains("amenity=kindergarten (25 Ziele)") && log.contains("grundschule (2 Ziele)"), "{log}");
    let table = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<Vec<&str>> = table.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 6, "{table}");
    let school = rows.iter().find(|r| r[0] == "bismarckplatz" && r[4] == "grundschule").unwrap();
    assert_eq!(school[5], "reached", "{table}");
    let metres: f64 = school[6].parse().unwrap();
    let minutes: f64 = school[7].parse().unwrap();
    assert!((metres / 80.0 - minutes).abs() < 0.01, "4.8 km/h is 80 m a minute: {school:?}");
    assert!(rows.iter().filter(|r| r[0] == "meer").all(|r| r[5] == "off_network" && r[6].is_empty()), "{table}");

    // the same network as an edge list, and the bare algorithm on it
    let edges = dir.path().join("edges.csv");
    let nodes = dir.path().join("nodes.csv");
    let o = kette(&["reach", "graph", "--osm", osm, "--edges-out", edges.to_str().unwrap(), "--nodes-out", nodes.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let node_table = std::fs::read_to_string(&nodes).unwrap();
    let mut node_rows = node_table.lines().skip(1).map(|l| l.split(',').map(str::to_string).collect::<Vec<_>>());
    let (a, b) = (node_rows.nth(1000).unwrap(), node_rows.nth(5000).unwrap());
    let pois = dir.path().join("pois.csv");
    std::fs::write(&pois, format!("node,kind\n{},spot\n", a[0])).unwrap();
    let nearest = dir.path().join("nearest.csv");
    let o = kette(&[
        "reach",
        "nearest",
        "--edges",
        edges.to_str().unwrap(),
        "--pois",
        pois.to_str().unwrap(),
        "--out",
        nearest.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let bare: f64 = std::fs::read_to_string(&nearest)
        .unwrap()
        .lines()
        .find(|l| l.starts_with(&format!("{},", b[0])))
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .expect("the far node is connected");
    let origin = dir.path().join("origin.csv");
    std::fs::write(&origin, format!("lat,lon\n{},{}\n", b[1], b[2])).unwrap();
    let dest = dir.path().join("dest.csv");
    std::fs::write(&dest, format!("lat,lon,kind\n{},{},spot\n", a[1], a[2])).unwrap();
    let o = kette(&[
        "reach",
        "run",
        "--osm",
        osm,
        "--pois",
        dest.to_str().unwrap(),
        "--origins",
        origin.to_str().unwrap(),
        "--cutoff-min",
        "600",
        "--speed-kmh",
        "100",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let row = std::fs::read_to_string(&out).unwrap();
    let run: f64 = row.lines().nth(1).unwrap().split(',').nth(6).unwrap().parse().unwrap();
    assert!((run - bare).abs() < 0.05, "run {run} m, bare algorithm {bare} m");
}

/// An Overpass export (gzipped OSM XML, north Bayreuth) is read like a PBF: every node of the
/// walking network as an origin, the file's three kindergartens as destinations.
#[test]
fn reach_reads_an_overpass_export_in_osm_xml() {
    let dir = tempfile::tempdir().unwrap();
    let osm = repo().join("data/osm/north-bayreuth.osm.gz");
    let out = dir.path().join("reach.csv");
    let o = reach_run(&osm, "osm:amenity=kindergarten", "nodes", &out);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("amenity=kindergarten (3 Ziele)"), "{}", text(&o));
    let table = std::fs::read_to_string(&out).unwrap();
    let reached = table.lines().skip(1).filter(|l| l.contains(",reached,")).count();
    let rows = table.lines().count() - 1;
    assert!(rows > 5_000 && reached > rows / 10 && reached < rows, "{reached} of {rows} nodes within 30 minutes");
    // an XML file broken in the middle is refused with its line, and nothing is written
    let broken = dir.path().join("kaputt.osm");
    std::fs::write(&broken, "<osm version=\"0.6\">\n<node id=\"1\" lat=\"50.0\" lon=\"elf\"/>\n</osm>\n").unwrap();
    std::fs::remove_file(&out).unwrap();
    let o = reach_run(&broken, "osm:amenity=kindergarten", "nodes", &out);
    assert!(!o.status.success());
    assert!(text(&o).contains("kaputt.osm") && text(&o).contains("line 2 of the OSM XML"), "{}", text(&o));
    assert!(!out.exists());
}

/// Bad input names its cause and leaves no output behind.
#[test]
fn reach_refuses_broken_extracts_and_swapped_tables_without_writing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(repo().join("data/osm/heidelberg.test.pbf")).unwrap();
    let cut = dir.path().join("cut.osm.pbf");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let out = dir.path().join("out.csv");
    let o = kette(&[
        "reach",
        "run",
        "--osm",
        cut.to_str().unwrap(),
        "--pois",
        "osm:amenity=school",
        "--origins",
        "nodes",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(text(&o).contains("cut.osm.pbf") && text(&o).contains("not a readable OpenStreetMap extract"), "{}", text(&o));
    assert!(!out.exists() && !dir.path().join("out.csv.partial").exists());

    let swapped = dir.path().join("kitas.csv");
    std::fs::write(&swapped, "lat,lon,kind\n8.6930,49.4094,kita\n8.7100,49.4122,kita\n").unwrap();
    let osm = repo().join("data/osm/heidelberg.test.pbf");
    let o = kette(&[
        "reach",
        "run",
        "--osm",
        osm.to_str().unwrap(),
        "--pois",
        swapped.to_str().unwrap(),
        "--origins",
        "nodes",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(text(&o).contains("kitas.csv: latitude and longitude look swapped"), "{}", text(&o));
    assert!(!out.exists());

    let o = kette(&[
        "reach",
        "run",
        "--osm",
        osm.to_str().unwrap(),
        "--pois",
        "osm:amenity",
        "--origins",
        "nodes",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success() && text(&o).contains("expected osm:key=value"), "{}", text(&o));
    let edges = dir.path().join("edges.csv");
    std::fs::write(&edges, "u,v,length_m\n1,2,10\n2,3,viel\n").unwrap();
    let o =
        kette(&["reach", "nearest", "--edges", edges.to_str().unwrap(), "--pois", edges.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!o.status.success() && text(&o).contains("edges.csv: 1 problem(s)") && text(&o).contains("line 3: length_m"), "{}", text(&o));
}

#[test]
fn a_street_network_is_imported_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "monaco", "Monaco"]).status.success());
    let whole = std::fs::read(repo().join("data/osm/monaco.osm.pbf")).unwrap();
    let cut = dir.path().join("monaco-cut.osm.pbf");
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let o = kette(&["import", "street-network", "--db", db, cut.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(text(&o).contains("monaco-cut.osm.pbf") && text(&o).contains("not a readable OpenStreetMap extract"), "{}", text(&o));
    let osm = repo().join("data/osm/monaco.osm.pbf");
    let o = kette(&["import", "street-network", "--db", db, "--municipality", "monaco", osm.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("monaco.osm.pbf: Straßennetz „walking“ für Monaco gespeichert") && text(&o).contains("© OpenStreetMap"),
        "{}",
        text(&o)
    );
}

/// `kette import census-grid`: a Zensus 2022 table's cells in the municipality are stored, the
/// rest named as left out; a broken table is refused with its line and stores nothing.
#[test]
fn a_census_grid_is_imported_for_the_municipalitys_districts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let db = db.to_str().unwrap();
    assert!(kette(&["municipality", "add", "--db", db, "heidelberg", "Heidelberg"]).status.success());
    let districts = dir.path().join("stadtteile.geojson");
    std::fs::write(
        &districts,
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"01","name":"Bergheim"},"geometry":{"type":"Polygon","coordinates":[[[8.68,49.40],[8.70,49.40],[8.70,49.42],[8.68,49.42],[8.68,49.40]]]}}]}"#,
    )
    .unwrap();
    assert!(kette(&["import", "districts", "--db", db, districts.to_str().unwrap()]).status.success());
    let header = "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18\n";
    let broken = dir.path().join("kaputt.csv");
    std::fs::write(&broken, format!("{header}{}4337050;2689150\n", census_row(49.41, 8.69, "10", "2"))).unwrap();
    let o = kette(&["import", "census-grid", "--db", db, broken.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(text(&o).contains("kaputt.csv") && text(&o).contains("line 3"), "{}", text(&o));
    let grid = dir.path().join("zensus.csv");
    std::fs::write(
        &grid,
        format!(
            "{header}{}{}{}",
            census_row(49.41, 8.69, "120", "30"),
            census_row(49.405, 8.685, "40", "–"),
            census_row(52.52, 13.4, "9", "1")
        ),
    )
    .unwrap();
    let o = kette(&["import", "census-grid", "--db", db, grid.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("zensus.csv: Zensus-Gitter für Heidelberg gespeichert – 2 Zellen in den Gebieten (Gewicht: unter18), 1 Zellen außerhalb ausgelassen, 1 mit geheim gehaltener Zahl"),
        "{}",
        text(&o)
    );
}

/// `kette reach run` takes a census grid as origins: its cells weighted by the under-18s, a
/// secret count left out with a warning.
#[test]
fn reach_runs_from_the_cells_of_a_census_grid() {
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("Zensus2022_Alter_in_5_Altersklassen_100m-Gitter.csv");
    std::fs::write(
        &grid,
        format!(
            "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18\n{}{}{}",
            census_row(49.4094, 8.6930, "120", "30"),
            census_row(49.4030, 8.6880, "80", "12"),
            census_row(49.4050, 8.6900, "7", "–")
        ),
    )
    .unwrap();
    let out = dir.path().join("reach.csv");
    let osm = repo().join("data/osm/heidelberg.test.pbf");
    let o = reach_run(&osm, "osm:amenity=kindergarten", grid.to_str().unwrap(), &out);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("1 of 3 census cells have a count the statistical office keeps secret"), "{}", text(&o));
    let table = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{table}");
    assert!(
        rows[0].starts_with("CRS3035RES100mN") && rows[0].contains(",30,") && rows[1].contains(",12,"),
        "weights from Unter18: {table}"
    );
    assert!(rows.iter().all(|r| r.contains(",reached,")), "{table}");
}

/// `kette reach run --osm OSM --pois KIND --origins ORIGINS --out OUT`.
fn reach_run(osm: &std::path::Path, pois: &str, origins: &str, out: &std::path::Path) -> std::process::Output {
    kette(&["reach", "run", "--osm", osm.to_str().unwrap(), "--pois", pois, "--origins", origins, "--out", out.to_str().unwrap()])
}

/// One row of a Zensus 2022 table (id, centre, people, under-18s) for the 100 m cell holding
/// (lat, lon).
fn census_row(lat: f64, lon: f64, people: &str, children: &str) -> String {
    let (e, n) = kette_reach::wgs84_to_laea(lat, lon);
    let (e, n) = ((e / 100.0).floor() * 100.0, (n / 100.0).floor() * 100.0);
    format!("CRS3035RES100mN{n}E{e};{};{};{people};{children}\n", e + 50.0, n + 50.0)
}
