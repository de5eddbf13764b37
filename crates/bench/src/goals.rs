//! `kette-bench goals`: progress of 200 goals over 10 years of observations, read through the
//! use-case layer from a real SQLite file (issue 15's target: < 50 ms), and the bare rule.

use std::time::Instant;

use anyhow::Result;
use kette_domain::goals::{progress, GoalInput, GoalLevel, Target};
use kette_domain::{Direction, DistrictLevel, IndicatorDef, NewDistrict, NewObservation};

const DISTRICTS: usize = 60;
const YEARS: i32 = 10;
const GOALS: usize = 200;

fn square(i: usize) -> String {
    let x = 13.0 + (i % 10) as f64 * 0.05;
    let y = 52.3 + (i / 10) as f64 * 0.05;
    format!(
        "{{\"type\":\"Polygon\",\"coordinates\":[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]}}",
        x + 0.05,
        x + 0.05,
        y + 0.05,
        y + 0.05
    )
}

/// (median ms through the use-case layer, median µs of the bare rule for all goals, median ms
/// of the whole steering dashboard as a signed-in reader sees it).
pub fn run() -> Result<(f64, f64, f64)> {
    tokio::runtime::Runtime::new()?.block_on(async {
        let dir = tempfile::tempdir()?;
        let store = kette_store::Store::open(dir.path().join("goals.db").to_str().unwrap_or("goals.db")).await?;
        let m = store.create_municipality("bench", "Bench", "", false).await?.id;
        let districts: Vec<NewDistrict> = (0..DISTRICTS)
            .map(|i| NewDistrict {
                key: format!("{i:04}"),
                name: format!("Gebiet {i}"),
                level: 1,
                parent_key: None,
                boundary_version: "v1".into(),
                outline: None,
                geometry: Some(square(i)),
                area_m2: Some(1e6),
                bbox: None,
            })
            .collect();
        let levels = vec![DistrictLevel { level: 1, code: "gebiet".into(), label_de: "Gebiet".into(), label_en: "Area".into() }];
        store.import_districts(m, &levels, &districts).await?;
        store
            .upsert_indicators(
                m,
                &[IndicatorDef {
                    code: "armut".into(),
                    name_de: "Kinderarmut".into(),
                    name_en: String::new(),
                    description: String::new(),
                    unit: "%".into(),
                    direction: Direction::HigherIsWorse,
                    source: "bench".into(),
                    licence: String::new(),
                    min_denominator: None,
                    meta: Default::default(),
                }],
            )
            .await?;
        let this_year = store.today().year();
        let mut rows = vec![];
        for i in 0..DISTRICTS {
            for y in 0..YEARS {
                let den = 1000.0 + i as f64 * 10.0;
                let num = den * (0.3 - 0.005 * y as f64 + 0.001 * (i % 7) as f64);
                rows.push(NewObservation {
                    indicator_code: "armut".into(),
                    district_key: format!("{i:04}"),
                    year: this_year - YEARS + y,
                    value: Some(100.0 * num / den),
                    numerator: Some(num.round()),
                    denominator: Some(den),
                    source: "bench".into(),
                });
            }
        }
        store.import_observations(m, &rows).await?;
        for g in 0..GOALS {
            let district = if g % 4 == 0 { None } else { store.district_by_key(m, &format!("{:04}", g % DISTRICTS)).await? };
            let input = GoalInput {
                parent_id: None,
                level: GoalLevel::Impact,
                title: format!("Ziel {g}"),
                description: String::new(),
                indicator_code: Some("armut".into()),
                district_id: district,
                target: Some(Target {
                    baseline_year: this_year - YEARS,
                    baseline_value: 30.0,
                    target_year: this_year + 4,
                    target_value: 20.0,
                }),
                responsible_body_id: None,
                responsible: String::new(),
                tolerance: 0.1,
            };
            store.create_goal(m, &input, false, None).await?;
        }
        let app = kette_app::App::new(store.clone());
        let municipality = store.municipality(m).await?;
        let reader = app.disclosure(None, &municipality);
        // the first call builds the reader's figures; later ones reuse them until data changes
        app.goals_with_progress(&reader, m).await?;
        let mut times = vec![];
        for _ in 0..30 {
            let t = Instant::now();
            let goals = app.goals_with_progress(&reader, m).await?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(goals.len(), GOALS);
        }
        times.sort_by(f64::total_cmp);
        // the bare rule for every goal
        let series: Vec<(i32, f64)> = (0..YEARS).map(|y| (this_year - YEARS + y, 30.0 - 0.5 * y as f64)).collect();
        let target = Target { baseline_year: this_year - YEARS, baseline_value: 30.0, target_year: this_year + 4, target_value: 20.0 };
        let mut rule = vec![];
        for _ in 0..200 {
            let t = Instant::now();
            for _ in 0..GOALS {
                std::hint::black_box(progress(&target, std::hint::black_box(&series), 0.1));
            }
            rule.push(t.elapsed().as_secs_f64() * 1e6);
        }
        rule.sort_by(f64::total_cmp);
        // the dashboard: goals, measures, proposals, tasks, decisions, cycle, survey, chain gaps
        let staff = app
            .disclosure(Some(kette_domain::access::Actor { role: kette_domain::Role::Coordinator, organisation_id: None }), &municipality);
        app.steering_dashboard(&staff, m, true).await?;
        let mut dashboard = vec![];
        for _ in 0..30 {
            let t = Instant::now();
            let d = app.steering_dashboard(&staff, m, true).await?;
            dashboard.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(d.goals.len(), GOALS);
        }
        dashboard.sort_by(f64::total_cmp);
        Ok((times[times.len() / 2], rule[rule.len() / 2], dashboard[dashboard.len() / 2]))
    })
}
