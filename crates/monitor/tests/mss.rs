//! Recomputes the Berlin MSS editions 2013–2019 from their indicator columns with the shipped
//! recipes and compares every planning area with the published classes.

use std::path::Path;

use kette_monitor::{Frame, Recipe};

fn repo(rel: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn check(edition: u32, recipe_file: &str) {
    let name = format!("berlin-lor-monitoring-social-urban-development-{edition}-00-planning-areas.csv");
    let data = Frame::from_csv(&name, &repo(&format!("data/berlin/mss/{name}")), "id", None).unwrap();
    let recipe = Recipe::from_toml(recipe_file, &String::from_utf8(repo(&format!("recipes/{recipe_file}"))).unwrap()).unwrap();
    let out = recipe.run(&data).unwrap();
    let n = out.len();
    assert!(n >= 434, "{edition}: {n} planning areas");
    for (ours, published) in [
        ("status_class", "status_index"),
        ("status_class_name", "status_index_class"),
        ("dynamics_class", "dynamic_index"),
        ("dynamics_class_name", "dynamic_index_class"),
        ("status_dynamics_class", "status_dynamic_index"),
    ] {
        let a = out.texts(ours).unwrap();
        let b = out.texts(published).unwrap();
        let differ: Vec<String> = (0..n).filter(|&r| a[r] != b[r]).map(|r| format!("{}: {:?} ≠ {:?}", out.units[r], a[r], b[r])).collect();
        assert!(
            differ.is_empty(),
            "MSS {edition}, {ours} vs published {published}: {} of {n} differ, e.g. {:?}",
            differ.len(),
            &differ[..differ.len().min(5)]
        );
    }
    // the recomputed index is standardised: mean 0, population sd 1
    let v: Vec<f64> = out.numbers("status_index_value").unwrap().iter().map(|x| x.unwrap()).collect();
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    assert!(mean.abs() < 1e-12);
}

#[test]
fn mss_2013_is_reproduced_exactly() {
    check(2013, "berlin-mss-2013-2017.toml");
}

#[test]
fn mss_2015_is_reproduced_exactly() {
    check(2015, "berlin-mss-2013-2017.toml");
}

#[test]
fn mss_2017_is_reproduced_exactly() {
    check(2017, "berlin-mss-2013-2017.toml");
}

#[test]
fn mss_2019_is_reproduced_exactly() {
    check(2019, "berlin-mss-2019.toml");
}

#[test]
fn the_wrong_recipe_for_an_edition_fails_with_the_missing_column() {
    let name = "berlin-lor-monitoring-social-urban-development-2019-00-planning-areas.csv";
    let data = Frame::from_csv(name, &repo(&format!("data/berlin/mss/{name}")), "id", None).unwrap();
    let recipe = Recipe::from_toml("r", &String::from_utf8(repo("recipes/berlin-mss-2013-2017.toml")).unwrap()).unwrap();
    let e = recipe.run(&data).unwrap_err();
    assert!(e.to_string().contains("column 's2_percentage_long_term_unemployed' does not exist"), "{e}");
}

#[test]
fn the_same_recipe_runs_on_kette_indicator_codes_through_its_aliases() {
    let name = "berlin-lor-monitoring-social-urban-development-2019-00-planning-areas.csv";
    let mut data = Frame::from_csv(name, &repo(&format!("data/berlin/mss/{name}")), "id", None).unwrap();
    let published = data.texts("status_dynamic_index").unwrap();
    // keep only the index inputs, renamed as kette stores them
    data.columns.retain(|(c, _)| {
        c.starts_with('s') && c.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
            || c.starts_with('d') && c.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
    });
    for (c, _) in data.columns.iter_mut() {
        *c = format!("mss_{}", &c[..2]);
    }
    let recipe = Recipe::from_toml("r", &String::from_utf8(repo("recipes/berlin-mss-2019.toml")).unwrap()).unwrap();
    assert_eq!(recipe.data_columns(), vec!["mss_s1", "mss_s3", "mss_s4", "mss_d1", "mss_d3", "mss_d4"]);
    let out = recipe.run(&data).unwrap();
    assert_eq!(out.texts("status_dynamics_class").unwrap(), published);
}
