//! The consolidation radar (issue 16): which funding of offers, measures and coordination posts
//! runs out within the horizon with nothing to take over, the offers at risk with their reach
//! (referrals, capacity) and the districts and life phases they serve, and the share of funded
//! offers on permanent money year by year. Reads the funding records and each offer's own
//! funding field alike.

use std::collections::{BTreeMap, HashMap};

use time::{Date, Month};

use kette_domain::funding::{is_permanent, runs_out, FundingInput, FundingSubject};
use kette_domain::MunicipalityId;
use kette_store::{OfferReach, StoredFunding};

use crate::{App, Result};

/// Twelve months ahead, as the field plans budgets.
pub const HORIZON_DAYS: i64 = 365;

pub struct RadarEntry {
    pub subject: FundingSubject,
    pub name: String,
    pub runs_out: Date,
    /// The sources of the money that ends.
    pub sources: Vec<String>,
    pub amount_per_year_eur: f64,
    /// For offers: what the chain loses.
    pub reach: Option<OfferReach>,
}

pub struct FundingRadar {
    pub today: Date,
    pub entries: Vec<RadarEntry>,
    /// Every record, for the list below the radar.
    pub records: Vec<StoredFunding>,
    /// (year, funded offers on permanent money, funded offers) at mid-year.
    pub permanent_by_year: Vec<(i32, usize, usize)>,
}

impl App {
    pub async fn funding_radar(&self, m: MunicipalityId) -> Result<FundingRadar> {
        let today = self.store.today();
        let records = self.store.fundings(m).await?;
        let fields = self.store.offer_funding_fields(m).await?;
        // the offer form's own funding field counts as a record of the offer
        let field_records: Vec<(FundingInput, String)> = fields
            .into_iter()
            .map(|(id, title, kind, source, amount, until)| {
                let source = if source.trim().is_empty() { "–".to_string() } else { source };
                (
                    FundingInput {
                        subject: FundingSubject::Offer(id),
                        post_title: String::new(),
                        source,
                        kind,
                        amount_per_year_eur: amount,
                        starts_on: None,
                        ends_on: until,
                    },
                    title,
                )
            })
            .collect();
        let mut by_subject: HashMap<(FundingSubject, String), Vec<&FundingInput>> = HashMap::new();
        for r in &records {
            let post = if r.input.subject == FundingSubject::Post { r.input.post_title.trim().to_string() } else { String::new() };
            by_subject.entry((r.input.subject, post)).or_default().push(&r.input);
        }
        for (r, _) in &field_records {
            by_subject.entry((r.subject, String::new())).or_default().push(r);
        }
        let mut names: HashMap<FundingSubject, String> = HashMap::new();
        for r in &records {
            names.entry(r.input.subject).or_insert_with(|| r.subject_name.clone());
        }
        for (r, title) in &field_records {
            names.entry(r.subject).or_insert_with(|| title.clone());
        }
        let mut entries = vec![];
        for ((subject, post), list) in &by_subject {
            let Some(end) = runs_out(list, today, HORIZON_DAYS) else { continue };
            let ending: Vec<&&FundingInput> =
                list.iter().filter(|r| r.covers(today) || r.starts_on.is_some_and(|s| s > today && s <= end)).collect();
            let mut sources: Vec<String> = ending.iter().map(|r| r.source.clone()).collect();
            sources.sort();
            sources.dedup();
            let name = if *subject == FundingSubject::Post { post.clone() } else { names.get(subject).cloned().unwrap_or_default() };
            entries.push(RadarEntry {
                subject: *subject,
                name,
                runs_out: end,
                sources,
                amount_per_year_eur: ending.iter().filter(|r| r.covers(today)).filter_map(|r| r.amount_per_year_eur).sum(),
                reach: None,
            });
        }
        entries.sort_by(|a, b| a.runs_out.cmp(&b.runs_out).then(a.name.cmp(&b.name)));
        let offers: Vec<i64> =
            entries.iter().filter_map(|e| if let FundingSubject::Offer(id) = e.subject { Some(id) } else { None }).collect();
        let mut reach = self.store.offer_reach(m, &offers, today - time::Duration::days(365)).await?;
        for e in &mut entries {
            if let FundingSubject::Offer(id) = e.subject {
                e.reach = reach.remove(&id);
            }
        }
        // the offers' funding by year: mid-year, five years back and the next year
        let mut permanent_by_year = vec![];
        let offer_records: BTreeMap<i64, Vec<&FundingInput>> = by_subject
            .iter()
            .filter_map(|((s, _), list)| if let FundingSubject::Offer(id) = s { Some((*id, list.clone())) } else { None })
            .collect();
        for year in today.year() - 4..=today.year() + 1 {
            let mid = Date::from_calendar_date(year, Month::July, 1).unwrap_or(today);
            let funded = offer_records.values().filter(|list| list.iter().any(|r| r.covers(mid))).count();
            let permanent = offer_records.values().filter(|list| is_permanent(list, mid)).count();
            permanent_by_year.push((year, permanent, funded));
        }
        Ok(FundingRadar { today, entries, records, permanent_by_year })
    }
}
