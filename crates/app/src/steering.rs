//! Steering (issue 15): goals with their progress read from the monitoring through the reader's
//! confidentiality rule — a withheld value never moves a goal.

use std::collections::BTreeMap;

use kette_domain::disclosure::Disclosure;
use kette_domain::goals::{progress, Progress};
use kette_domain::MunicipalityId;
use kette_store::Goal;

use crate::{App, Result};

/// A goal with the values its progress was computed from.
#[derive(Debug, Clone)]
pub struct GoalProgress {
    pub goal: Goal,
    pub progress: Progress,
    /// (year, value) of the indicator for the goal's district or the whole municipality.
    pub values: Vec<(i32, f64)>,
}

impl App {
    /// Every goal with its progress, as `reader` may see the figures. For the whole
    /// municipality a year's value is the rate of the summed numerators over the summed
    /// denominators of the districts of the level most values are published for (population
    /// weights), or their plain mean where the values come without counts.
    pub async fn goals_with_progress(&self, reader: &Disclosure, m: MunicipalityId) -> Result<Vec<GoalProgress>> {
        let figures = self.figures(reader, m).await?;
        let goals = self.store.goals(m).await?;
        let mut out = Vec::with_capacity(goals.len());
        for goal in goals {
            let values: Vec<(i32, f64)> = match (&goal.input.indicator_code, goal.input.district_id) {
                (None, _) => vec![],
                (Some(code), Some(d)) => figures
                    .of_district(d)
                    .filter(|f| &f.observation.indicator_code == code && !f.withheld)
                    .filter_map(|f| Some((f.observation.year, f.value()?)))
                    .collect(),
                (Some(code), None) => {
                    let rows: Vec<_> = figures.rows().iter().filter(|f| &f.observation.indicator_code == code && !f.withheld).collect();
                    let mut per_level: BTreeMap<i64, usize> = BTreeMap::new();
                    for f in &rows {
                        *per_level.entry(f.level).or_default() += 1;
                    }
                    let level = per_level.into_iter().max_by_key(|(l, n)| (*n, *l)).map(|(l, _)| l);
                    let mut by_year: BTreeMap<i32, Vec<&kette_domain::Observation>> = BTreeMap::new();
                    for f in rows.into_iter().filter(|f| Some(f.level) == level) {
                        by_year.entry(f.observation.year).or_default().push(&f.observation);
                    }
                    by_year
                        .into_iter()
                        .filter_map(|(year, obs)| {
                            let counted = obs.iter().all(|o| o.numerator.is_some() && o.denominator.is_some_and(|d| d > 0.0));
                            let value = if counted {
                                let (n, d) = obs
                                    .iter()
                                    .fold((0.0, 0.0), |(n, d), o| (n + o.numerator.unwrap_or(0.0), d + o.denominator.unwrap_or(0.0)));
                                (d > 0.0).then(|| 100.0 * n / d)
                            } else {
                                let v: Vec<f64> = obs.iter().filter_map(|o| o.value).collect();
                                (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
                            };
                            value.map(|v| (year, v))
                        })
                        .collect()
                }
            };
            let state = match &goal.input.target {
                Some(t) => progress(t, &values, goal.input.tolerance),
                None => Progress::NoData,
            };
            out.push(GoalProgress { goal, progress: state, values });
        }
        Ok(out)
    }
}
