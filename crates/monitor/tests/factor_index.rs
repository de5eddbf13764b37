//! The factor-index family (GISD and its kin): gap filling by pooled regression on calendar
//! years, principal components anchored on an outside indicator, rescaling, and scores for a
//! higher level in the same run. Each test here failed on the engine before issue 13.

use kette_monitor::{Frame, MonitorError, Note, Recipe};

fn recipe(text: &str) -> Recipe {
    Recipe::from_toml("factor.toml", text).unwrap()
}

/// A deterministic stream of numbers in [0, 1).
fn uniform(seed: &mut u64) -> f64 {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    ((*seed >> 11) as f64) / ((1u64 << 53) as f64)
}

/// 400 units × 18 calendar years. The target follows a pooled line in
/// [1, t²·ȳ, t·ȳ, x1, x2] (ȳ the unit's mean of m) plus noise that is a cubic in the year,
/// orthogonal within each unit to everything in the design, so the exact least-squares line is
/// the one the data was built from. Units with a missing target get no noise.
struct GapTable {
    csv: String,
    /// (row, the value the exact line gives) for every missing target
    expected: Vec<(usize, f64)>,
}

fn gap_table() -> GapTable {
    let beta = [3.5, -2.0e-6, 8.0e-3, 1.25, -0.75];
    let u: Vec<f64> = (0..18).map(|k| 2.0 * k as f64 - 17.0).collect();
    let (s2, s4): (f64, f64) = (u.iter().map(|v| v * v).sum(), u.iter().map(|v| v.powi(4)).sum());
    let cubic: Vec<f64> = u.iter().map(|v| v.powi(3) * s2 - v * s4).collect();
    let mut seed = 7;
    let mut csv = String::from("id;year;m;t2y;ty;x1;x2;y\n");
    let mut expected = vec![];
    for unit in 0..400 {
        let m: Vec<f64> = (0..18).map(|_| 0.2 + uniform(&mut seed)).collect();
        let unit_mean = m.iter().sum::<f64>() / 18.0;
        let (a, b) = (uniform(&mut seed), uniform(&mut seed) * 3.0);
        let gap = (unit % 9 == 0).then_some(unit % 18);
        for k in 0..18 {
            let t = 2000.0 + k as f64;
            let row = [t * t * unit_mean, t * unit_mean, a + 0.01 * (t - 2000.0), b * (t - 2000.0).powi(2) / 100.0];
            let line = beta[0] + row.iter().zip(&beta[1..]).map(|(v, b)| v * b).sum::<f64>();
            let noise = if gap.is_some() { 0.0 } else { 1e-7 * ((unit % 5) as f64 - 2.0) * cubic[k] };
            let y = if gap == Some(k) {
                expected.push((unit * 18 + k, line));
                String::new()
            } else {
                format!("{}", line + noise)
            };
            csv.push_str(&format!("u{unit:03};{t};{};{};{};{};{};{y}\n", m[k], row[0], row[1], row[2], row[3]));
        }
    }
    GapTable { csv, expected }
}

fn assert_filled(out: &Frame, column: &str, expected: &[(usize, f64)]) {
    let y = out.numbers(column).unwrap();
    let worst = expected.iter().map(|&(r, want)| ((y[r].expect("filled") - want) / want).abs()).fold(0.0, f64::max);
    assert!(worst < 1e-9, "imputed values off by {worst:e} relative");
}

#[test]
fn a_pooled_regression_on_calendar_years_is_fitted_and_fills_to_1e9() {
    let table = gap_table();
    let frame = Frame::from_csv("gisd.csv", table.csv.as_bytes(), "id", Some("year")).unwrap();
    let out = recipe(
        r#"
id = "gaps"
name = "Gap filling"
group_by = "year"
[[step]]
kind = "impute_ols"
target = "y"
predictors = ["t2y", "ty", "x1", "x2"]
scope = "all"
"#,
    )
    .run(&frame)
    .expect("numpy's lstsq fits this; so must we");
    assert_filled(&out, "y", &table.expected);
}

#[test]
fn the_gap_filling_runs_from_the_raw_table_with_the_year_as_it_is() {
    let table = gap_table();
    let frame = Frame::from_csv("gisd.csv", table.csv.as_bytes(), "id", Some("year")).unwrap();
    let (out, notes) = recipe(
        r#"
id = "gaps"
name = "Gap filling"
group_by = "year"
[[step]]
kind = "compute"
output = "year2_mean"
expression = "year^2 * mean_by_unit(m)"
[[step]]
kind = "compute"
output = "year_mean"
expression = "year * mean_by_unit(m)"
[[step]]
kind = "impute_ols"
target = "y"
predictors = ["year2_mean", "year_mean", "x1", "x2"]
output = "y_filled"
scope = "all"
"#,
    )
    .run_with_notes(&frame)
    .unwrap();
    assert_filled(&out, "y_filled", &table.expected);
    let (t2y, computed) = (frame.numbers("t2y").unwrap(), out.numbers("year2_mean").unwrap());
    assert!((computed[5].unwrap() - t2y[5].unwrap()).abs() < 1e-6 * t2y[5].unwrap());
    assert!(notes.is_empty(), "every row got a value: {notes:?}");
}

#[test]
fn collinear_and_constant_predictors_are_named() {
    let csv = "id,a,b,c,k,y\n1,1,2,5,3,1\n2,2,4,1,3,2\n3,3,6,4,3,\n4,4,8,2,3,4\n5,5,10,3,3,5\n";
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", None).unwrap();
    let run = |predictors: &str| {
        recipe(&format!("id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"impute_ols\"\ntarget = \"y\"\npredictors = {predictors}\n"))
            .run(&frame)
            .unwrap_err()
            .to_string()
    };
    let e = run(r#"["c", "a", "b"]"#);
    assert!(e.contains("predictors 'a', 'b' are collinear"), "{e}");
    let e = run(r#"["a", "k"]"#);
    assert!(e.contains("predictor 'k' does not vary"), "{e}");
}

/// Two inputs with r = −0.954: the first component is (z_a − z_b)/√2 with eigenvalue 1.954.
/// Power iteration from (1, 1)/√2 stayed on the minor one.
#[test]
fn pca_finds_the_major_component_of_negatively_correlated_inputs() {
    let mut seed = 3;
    let mut csv = String::from("id,a,b,unemployment\n");
    for i in 0..2000 {
        let s = uniform(&mut seed) - 0.5;
        let (a, b) = (s + 0.1 * (uniform(&mut seed) - 0.5), -s + 0.1 * (uniform(&mut seed) - 0.5));
        csv.push_str(&format!("{i},{a},{b},{}\n", 10.0 + 4.0 * s + uniform(&mut seed)));
    }
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", None).unwrap();
    let (out, notes) = recipe(
        "id = \"p\"\nname = \"p\"\n[[step]]\nkind = \"pca\"\ninputs = [\"a\", \"b\"]\noutput = \"dim\"\nanchor = \"unemployment\"\n",
    )
    .run_with_notes(&frame)
    .unwrap();
    let z = |c: &str| {
        let v: Vec<f64> = frame.numbers(c).unwrap().iter().map(|x| x.unwrap()).collect();
        let m = v.iter().sum::<f64>() / v.len() as f64;
        let sd = (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt();
        v.into_iter().map(move |x| (x - m) / sd).collect::<Vec<_>>()
    };
    let (za, zb) = (z("a"), z("b"));
    let dim = out.numbers("dim").unwrap();
    for i in 0..2000 {
        let want = (za[i] - zb[i]) / std::f64::consts::SQRT_2;
        assert!((dim[i].unwrap() - want).abs() < 1e-9, "row {i}: {} vs {want}", dim[i].unwrap());
    }
    let Some(Note::Components { explained, loadings, .. }) = notes.iter().find(|n| matches!(n, Note::Components { .. })) else {
        panic!("no components noted: {notes:?}")
    };
    assert_eq!(explained.len(), 2);
    assert!(explained[0] > 0.95 && (explained[0] + explained[1] - 1.0).abs() < 1e-12, "{explained:?}");
    assert!(loadings[0].1 > 0.0 && loadings[1].1 < 0.0, "{loadings:?}");
    // b a permutation of −a: the correlation matrix is exactly symmetric in a and b, and
    // (1, 1)/√2, where power iteration started, is exactly its minor eigenvector
    let csv = "id,a,b\n1,1,-2\n2,2,-1\n3,3,-4\n4,4,-3\n5,5,-6\n6,6,-5\n7,7,-8\n8,8,-7\n";
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", None).unwrap();
    let out = recipe("id = \"p\"\nname = \"p\"\n[[step]]\nkind = \"pca\"\ninputs = [\"a\", \"b\"]\noutput = \"dim\"\nanchor = \"a\"\n")
        .run(&frame)
        .unwrap();
    let dim = out.numbers("dim").unwrap();
    assert!(
        (dim[7].unwrap() - 3f64.sqrt()).abs() < 1e-12 && (dim[0].unwrap() + 3f64.sqrt()).abs() < 1e-12,
        "the major component spreads a high and b low apart: {dim:?}"
    );
}

#[test]
fn any_column_anchors_a_component_and_a_weak_anchor_is_flagged() {
    let mut seed = 11;
    let mut csv = String::from("id,income,debt,unemployment,noise\n");
    for i in 0..500 {
        let deprivation = uniform(&mut seed);
        let income = 3000.0 - 1500.0 * deprivation + 100.0 * uniform(&mut seed);
        let debt = 5.0 + 10.0 * deprivation + uniform(&mut seed);
        csv.push_str(&format!("{i},{income},{debt},{},{}\n", 4.0 + 8.0 * deprivation + uniform(&mut seed), uniform(&mut seed)));
    }
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", None).unwrap();
    let run = |anchor: &str| {
        recipe(&format!(
            "id = \"p\"\nname = \"p\"\n[[step]]\nkind = \"pca\"\ninputs = [\"income\", \"debt\"]\noutput = \"dim\"\nanchor = \"{anchor}\"\n"
        ))
        .run_with_notes(&frame)
        .unwrap()
    };
    let (out, notes) = run("unemployment");
    let (dim, unemployment) = (out.numbers("dim").unwrap(), frame.numbers("unemployment").unwrap());
    let rising = (0..500).filter(|&i| (dim[i].unwrap() > 0.0) == (unemployment[i].unwrap() > 8.0)).count();
    assert!(rising > 450, "the score rises with unemployment ({rising} of 500 agree)");
    let orientation = notes.iter().find_map(|n| match n {
        Note::Orientation { anchor, correlation, weak, .. } => Some((anchor.clone(), *correlation, *weak)),
        _ => None,
    });
    let (anchor, r, weak) = orientation.expect("orientation noted");
    assert!(anchor == "unemployment" && r > 0.9 && !weak, "{r}");
    // anchoring on income, an input that loads negatively, turns the dimension round: said, not silent
    let (_, notes) = run("income");
    assert!(notes.iter().any(|n| matches!(n, Note::Orientation { anchor, correlation, .. } if anchor == "income" && *correlation > 0.9)));
    let Some(Note::Components { loadings, .. }) = notes.iter().find(|n| matches!(n, Note::Components { .. })) else { panic!() };
    assert!(loadings[0].1 > 0.0 && loadings[1].1 < 0.0, "debt now loads negatively: {loadings:?}");
    let (_, notes) = run("noise");
    assert!(notes.iter().any(|n| matches!(n, Note::Orientation { weak: true, .. }) && n.is_warning()), "{notes:?}");
}

#[test]
fn expressions_multiply_raise_average_and_clamp() {
    let csv = "id,year,x,w\na,2019,1,2\na,2020,3,2\nb,2019,5,4\nb,2020,,4\n";
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", Some("year")).unwrap();
    let (out, notes) = recipe(
        r#"
id = "e"
name = "e"
group_by = "year"
[[step]]
kind = "compute"
output = "p"
expression = "x * w ^ 2 - (year - 2019)"
[[step]]
kind = "compute"
output = "m"
expression = "mean_by_unit(x) + mean_by_group(x) / 10"
[[step]]
kind = "compute"
output = "c"
expression = "clamp(x, 2, 4) + max(w, 3) + sqrt(abs(-4))"
"#,
    )
    .run_with_notes(&frame)
    .unwrap();
    assert_eq!(out.numbers("p").unwrap(), &[Some(4.0), Some(11.0), Some(80.0), None]);
    assert_eq!(out.numbers("m").unwrap(), &[Some(2.3), Some(2.3), Some(5.3), Some(5.3)]);
    assert_eq!(out.numbers("c").unwrap(), &[Some(7.0), Some(8.0), Some(10.0), None]);
    let missing: Vec<(String, usize, Vec<(String, usize)>)> = notes
        .iter()
        .filter_map(|n| match n {
            Note::RowsWithoutValue { column, missing, causes, .. } => Some((column.clone(), *missing, causes.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(missing, vec![("p".into(), 1, vec![("x".into(), 1)]), ("c".into(), 1, vec![("x".into(), 1)])]);
    let e =
        recipe("id = \"e\"\nname = \"e\"\n[[step]]\nkind = \"compute\"\noutput = \"q\"\nexpression = \"x **\"\n").run(&frame).unwrap_err();
    assert!(e.to_string().contains("expression 'x **', character 4: expected a number, a column or '('"), "{e}");
}

/// Statistics after `aggregate` ran over the districts and their appended city rows together.
#[test]
fn statistics_stay_on_their_level_and_a_step_can_name_the_parents() {
    let csv = "id,year,x,pop\n0101,1,1,10\n0102,1,2,30\n0201,1,6,20\n0202,1,9,20\n0301,1,4,50\n";
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", Some("year")).unwrap();
    let out = recipe(
        r#"
id = "lv"
name = "levels"
group_by = "year"
level = "gemeinde"
[[step]]
kind = "aggregate"
inputs = ["x"]
weight = "pop"
parent_key_length = 2
to_level = "kreis"
[[step]]
kind = "zscore"
inputs = ["x"]
output = "z"
[[step]]
kind = "zscore"
inputs = ["x"]
output = "z"
level = "kreis"
[[step]]
kind = "min_max"
input = "pop"
output = "size"
scale = 1
"#,
    )
    .run(&frame)
    .unwrap();
    assert_eq!(out.len(), 8);
    assert_eq!(&out.units[5..], &["01", "02", "03"]);
    let z = out.numbers("z").unwrap();
    let units: f64 = z[..5].iter().map(|v| v.unwrap()).sum();
    assert!(units.abs() < 1e-12, "the districts' z-values centre on the districts alone: {units}");
    let x = out.numbers("x").unwrap();
    assert_eq!(&x[5..], &[Some(1.75), Some(7.5), Some(4.0)]);
    let kreis: f64 = z[5..].iter().map(|v| v.unwrap()).sum();
    assert!(kreis.abs() < 1e-12, "the kreis z-values centre on the kreise, and the districts' stay: {kreis}");
    assert_eq!(out.numbers("size").unwrap()[1], Some(0.5), "(30 − 10) / (50 − 10): the kreise's 40 and 50 are not districts");
    assert_eq!(out.numbers("size").unwrap()[5], None);
    assert!(out.to_csv(None).starts_with("id,year,level,x,pop,z,size\n0101,1,gemeinde,"), "{}", out.to_csv(None));
    let e = recipe("id = \"e\"\nname = \"e\"\n[[step]]\nkind = \"rank\"\ninput = \"x\"\noutput = \"r\"\nlevel = \"land\"\n")
        .run(&frame)
        .unwrap_err();
    assert!(
        matches!(e, MonitorError::UnknownLevel { .. }) && e.to_string().contains("level 'land' does not exist; the table has: unit"),
        "{e}"
    );
}

#[test]
fn errors_name_the_cell_and_the_line_that_failed() {
    // pandas and numpy write NaN for a missing value: that is a gap, not text
    let csv = "id,Bruttoverdienst,b\n1,1793.66,1\n2,1810.2,2\n3,1700,3\n4,NaN,4\n";
    let frame = Frame::from_csv("gisd.csv", csv.as_bytes(), "id", None).unwrap();
    assert_eq!(frame.numbers("Bruttoverdienst").unwrap()[3], None);
    let csv = "id,Bruttoverdienst,b\n1,1793.66,1\n2,1810.2,2\n3,1700,3\n4,k.A.,4\n";
    let frame = Frame::from_csv("gisd.csv", csv.as_bytes(), "id", None).unwrap();
    let e = recipe("id = \"e\"\nname = \"e\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"Bruttoverdienst\"]\n").run(&frame).unwrap_err();
    assert_eq!(e.to_string(), "step 1 (zscore): column 'Bruttoverdienst' is not numeric: line 5 has 'k.A.'");
    let e = Frame::from_csv("gisd.csv", b"id,a\n1,2\n2,inf\n", "id", None).unwrap_err();
    assert_eq!(e.to_string(), "gisd.csv line 3: column 'a': 'inf' is not a finite number");
    let text = "id = \"q\"\nname = \"q\"\n\n[[step]]\nkind = \"quantiles\"\ninput = \"b\"\noutput = \"c\"\nn = \"five\"\n";
    let e = Recipe::from_toml("q.toml", text).unwrap_err().to_string();
    assert!(e.starts_with("recipe q.toml: line 8:"), "the value's line, not the [[step]]'s: {e}");
    let text = "id = \"q\"\nname = \"q\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"b\"]\n[[step]]\nkind = \"sum\"\ninputs = [\"b\"]\noutput = \"s\"\nweight = [1]\n";
    let e = Recipe::from_toml("q.toml", text).unwrap_err().to_string();
    assert!(e.starts_with("recipe q.toml: line 10:") && e.contains("weight"), "{e}");
}

#[test]
fn rows_left_without_a_result_are_counted_with_their_cause() {
    let csv = "id,a,b\n1,1,5\n2,,6\n3,3,\n4,4,8\n5,,2\n";
    let frame = Frame::from_csv("t.csv", csv.as_bytes(), "id", None).unwrap();
    let (_, notes) = recipe("id = \"s\"\nname = \"s\"\n[[step]]\nkind = \"sum\"\ninputs = [\"a\", \"b\"]\noutput = \"s\"\n")
        .run_with_notes(&frame)
        .unwrap();
    assert_eq!(
        notes,
        vec![Note::RowsWithoutValue {
            step: 1,
            kind: "sum".into(),
            column: "s".into(),
            missing: 3,
            rows: 5,
            causes: vec![("a".into(), 2), ("b".into(), 1)]
        }]
    );
}

/// The worked example of docs/recipes.md runs on a raw table with gaps, the year as it is.
#[test]
fn the_shipped_factor_index_recipe_runs_on_a_raw_table() {
    let recipe = Recipe::from_toml("factor-index.toml", include_str!("../../../recipes/factor-index.toml")).unwrap();
    let columns = [
        ("beschaeftigte_akademisch", -1.0),
        ("beschaeftigte_ohne_abschluss", 1.0),
        ("schulabgaenger_ohne_abschluss", 1.0),
        ("arbeitslosenquote", 1.0),
        ("beschaeftigtenquote", -1.0),
        ("bruttoverdienst", -1.0),
        ("haushaltseinkommen", -1.0),
        ("schuldnerquote", 1.0),
        ("einkommensteuer", -1.0),
    ];
    let mut seed = 5;
    let mut csv = format!("gemeinde;jahr;bevoelkerung;{}\n", columns.iter().map(|c| c.0).collect::<Vec<_>>().join(";"));
    for g in 0..120 {
        let deprivation = uniform(&mut seed);
        for year in 2012..2020 {
            csv.push_str(&format!("{:05}{:03};{year};{}", 9000 + g / 10, g % 10, 500 + g * 37));
            for (k, (name, sign)) in columns.iter().enumerate() {
                let value = 20.0 + sign * 10.0 * deprivation + 2.0 * uniform(&mut seed) + 0.02 * (year - 2012) as f64 * k as f64;
                let gap = matches!(*name, "bruttoverdienst" | "schulabgaenger_ohne_abschluss") && uniform(&mut seed) < 0.1;
                csv.push_str(&if gap { ";".to_string() } else { format!(";{}", format!("{value:.3}").replace('.', ",")) });
            }
            csv.push('\n');
        }
    }
    let frame = Frame::from_csv("gemeinden.csv", csv.as_bytes(), &recipe.unit, recipe.group_by.as_deref()).unwrap();
    let (out, notes) = recipe.run_with_notes(&frame).unwrap();
    assert!(notes.iter().all(|n| !n.is_warning()), "{notes:?}");
    assert_eq!(notes.iter().filter(|n| matches!(n, Note::Orientation { correlation, .. } if *correlation > 0.8)).count(), 3, "{notes:?}");
    assert_eq!(out.len(), 120 * 8 + 12 * 8, "municipalities and their twelve Kreise per year");
    let score = out.numbers("score").unwrap();
    assert!(score.iter().all(|s| s.is_some_and(|s| (0.0..=1.0).contains(&s))));
    let (deciles, quintiles) = (out.texts("dezil").unwrap(), out.texts("quintil").unwrap());
    assert!(deciles[..960].iter().all(|d| d.is_some()) && deciles[960..].iter().all(|d| d.is_none()));
    assert!(quintiles[960..].iter().all(|q| q.is_some()) && quintiles[..960].iter().all(|q| q.is_none()));
    // the most deprived municipality has the top decile in every year
    let index = out.numbers("index").unwrap();
    let top = (0..960).max_by(|&a, &b| index[a].unwrap().total_cmp(&index[b].unwrap())).unwrap();
    assert_eq!(deciles[top].as_deref(), Some("10"));
}
