//! Steering (issue 15): goals with their progress read from the monitoring through the reader's
//! confidentiality rule — a withheld value never moves a goal.

use std::collections::BTreeMap;

use kette_domain::disclosure::Disclosure;
use kette_domain::goals::{progress, Progress};
use kette_domain::MunicipalityId;
use kette_store::{Goal, Measure};

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
    /// municipality — and for a district whose own values are not published, from its
    /// sub-districts — a year's value is the rate of the summed numerators over the summed
    /// denominators of the districts of the level most values are published for (population
    /// weights), or their plain mean where the values come without counts.
    pub async fn goals_with_progress(&self, reader: &Disclosure, m: MunicipalityId) -> Result<Vec<GoalProgress>> {
        let figures = self.figures(reader, m).await?;
        let goals = self.store.goals(m).await?;
        // parents of every district, read once when a district goal needs its sub-districts
        let mut parents: Option<std::collections::HashMap<i64, Option<i64>>> = None;
        let mut out = Vec::with_capacity(goals.len());
        for goal in goals {
            let values: Vec<(i32, f64)> = match (&goal.input.indicator_code, goal.input.district_id) {
                (None, _) => vec![],
                (Some(code), Some(d)) => {
                    let own: Vec<(i32, f64)> = figures
                        .of_district(d)
                        .filter(|f| &f.observation.indicator_code == code && !f.withheld)
                        .filter_map(|f| Some((f.observation.year, f.value()?)))
                        .collect();
                    if own.is_empty() {
                        if parents.is_none() {
                            let (all, _) = self.store.districts(m, None, 1, u32::MAX).await?;
                            parents = Some(all.into_iter().map(|x| (x.id, x.parent_id)).collect());
                        }
                        let parents = parents.as_ref().expect("read above");
                        let below = |mut x: i64| {
                            while let Some(Some(p)) = parents.get(&x) {
                                if *p == d {
                                    return true;
                                }
                                x = *p;
                            }
                            false
                        };
                        aggregate(
                            figures
                                .rows()
                                .iter()
                                .filter(|f| &f.observation.indicator_code == code && !f.withheld && below(f.observation.district_id))
                                .collect(),
                        )
                    } else {
                        own
                    }
                }
                (Some(code), None) => {
                    aggregate(figures.rows().iter().filter(|f| &f.observation.indicator_code == code && !f.withheld).collect())
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

/// The steering dashboard: one view of where the chain stands, each part read from its source
/// and through the reader's rules (goals from the figures the reader may see; tasks, decisions
/// and the self-assessment only for signed-in readers).
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub goals: Vec<GoalProgress>,
    pub measures_by_status: Vec<(kette_domain::goals::MeasureStatus, usize)>,
    pub proposals_open: usize,
    /// (open, overdue); None for the public.
    pub tasks: Option<(usize, usize)>,
    /// Decisions of the last twelve months; None for the public.
    pub decisions_last_year: Option<usize>,
    pub phase: Option<kette_store::PhaseEntry>,
    /// (achieved, all) items of the current phase and the open ones.
    pub cycle: (usize, usize),
    pub cycle_open: Vec<kette_domain::cycle::CycleItem>,
    /// The newest year's self-assessment with results shown: (year, factors shown, mean of their
    /// means, weakest factor); None for the public or without results.
    pub survey: Option<(i32, usize, f64, Option<String>)>,
    /// A newer year whose answers are still too few to show.
    pub survey_too_few: Option<i32>,
    /// Life phase × domain cells without a current offer (codes).
    pub gaps: Vec<(String, String)>,
}

impl App {
    /// Every measure as `reader` may see it: linked offers that are not public are left out
    /// unless the reader sees that organisation's unpublished offers (the offer rule).
    pub async fn measures(&self, reader: &Disclosure, m: MunicipalityId) -> Result<Vec<Measure>> {
        let policy = self.store.municipality(m).await?.review;
        let today = self.store.today();
        let mut measures = self.store.measures(m).await?;
        for measure in &mut measures {
            visible_offers(reader, &policy, today, measure);
        }
        Ok(measures)
    }

    /// One measure as `reader` may see it.
    pub async fn measure(&self, reader: &Disclosure, m: MunicipalityId, id: i64) -> Result<Option<Measure>> {
        let policy = self.store.municipality(m).await?.review;
        let today = self.store.today();
        Ok(self.store.measure(m, id).await?.map(|mut measure| {
            visible_offers(reader, &policy, today, &mut measure);
            measure
        }))
    }
}

fn visible_offers(reader: &Disclosure, policy: &kette_domain::review::ReviewPolicy, today: time::Date, measure: &mut Measure) {
    measure.offers.retain(|o| {
        kette_domain::review::is_public(o.status, o.approval, policy.freshness(o.last_verified_on, today))
            || reader.sees_unpublished_offers_of(o.organisation_id)
    });
    measure.input.offer_ids = measure.offers.iter().map(|o| o.id).collect();
}

impl App {
    pub async fn steering_dashboard(&self, reader: &Disclosure, m: MunicipalityId, signed_in: bool) -> Result<Dashboard> {
        use kette_domain::goals::MeasureStatus;
        let goals = self.goals_with_progress(reader, m).await?;
        let measures = self.store.measures(m).await?;
        let measures_by_status = MeasureStatus::ALL
            .iter()
            .map(|s| (*s, measures.iter().filter(|x| x.input.status == *s).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        let today = self.store.today();
        let proposals_open =
            self.store.proposals(m).await?.iter().filter(|p| p.status == kette_domain::proposals::ProposalStatus::Submitted).count();
        let (tasks, decisions_last_year, (survey, survey_too_few)) = if signed_in {
            let open = self.store.tasks(m, None, true).await?;
            let overdue = open.iter().filter(|t| t.due_on < today).count();
            let since = time::PrimitiveDateTime::new(today - time::Duration::days(365), time::Time::MIDNIGHT);
            let decisions =
                self.store.decisions(m, None).await?.iter().filter(|d| d.meeting_starts_at.is_some_and(|at| at >= since)).count();
            let tallies = self.store.survey_tallies(m).await?;
            let mut years: Vec<i32> = tallies.iter().map(|t| t.year).collect();
            years.sort_unstable_by(|a, b| b.cmp(a));
            years.dedup();
            let result_of = |year: i32| {
                let shown: Vec<(&str, f64)> = tallies
                    .iter()
                    .filter(|t| t.year == year)
                    .filter_map(|t| match kette_domain::survey::result(t.answers, t.sum) {
                        kette_domain::survey::FactorResult::Shown { mean, .. } => Some((t.factor.as_str(), mean)),
                        kette_domain::survey::FactorResult::TooFew => None,
                    })
                    .collect();
                (!shown.is_empty()).then(|| {
                    let mean = shown.iter().map(|(_, v)| v).sum::<f64>() / shown.len() as f64;
                    let weakest = shown.iter().min_by(|a, b| a.1.total_cmp(&b.1)).map(|(c, _)| c.to_string());
                    (year, shown.len(), mean, weakest)
                })
            };
            let survey = years.iter().find_map(|y| result_of(*y));
            let too_few = years.first().copied().filter(|newest| survey.as_ref().is_none_or(|s| s.0 < *newest));
            (Some((open.len(), overdue)), Some(decisions), (survey, too_few))
        } else {
            (None, None, (None, None))
        };
        let phase = self.store.cycle_history(m).await?.pop();
        let (cycle, cycle_open) = match &phase {
            Some(p) => {
                let items: Vec<_> = self.store.cycle_items(m).await?.into_iter().filter(|i| i.phase == p.phase).collect();
                let checks = self.store.cycle_checks(m).await?;
                let (done, open): (Vec<_>, Vec<_>) = items.into_iter().partition(|i| checks.iter().any(|c| c.input.item_code == i.code));
                ((done.len(), done.len() + open.len()), open)
            }
            None => ((0, 0), vec![]),
        };
        let vocab = self.store.vocabulary(m).await?;
        let matrix = self.store.chain_matrix(m, &vocab, None).await?;
        let gaps = matrix.gaps().into_iter().map(|(p, d)| (p.to_string(), d.to_string())).collect();
        Ok(Dashboard {
            goals,
            measures_by_status,
            proposals_open,
            tasks,
            decisions_last_year,
            phase,
            cycle,
            cycle_open,
            survey,
            survey_too_few,
            gaps,
        })
    }
}

/// One value per year from the figures of many districts: those of the level most values are
/// published for, as the rate of summed numerators over summed denominators where every value
/// comes with its counts (population weights), else their plain mean.
fn aggregate(rows: Vec<&crate::Figure>) -> Vec<(i32, f64)> {
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
                let (n, d) = obs.iter().fold((0.0, 0.0), |(n, d), o| (n + o.numerator.unwrap_or(0.0), d + o.denominator.unwrap_or(0.0)));
                (d > 0.0).then(|| 100.0 * n / d)
            } else {
                let v: Vec<f64> = obs.iter().filter_map(|o| o.value).collect();
                (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
            };
            value.map(|v| (year, v))
        })
        .collect()
}
