//! The needs analysis (issue 14) assembled once for the page, the CSV and the benchmark: the
//! population of a level's districts as the reader may see it, the chosen deprivation indicator
//! from the reader's figures, the offers located in each district by life phase (only places
//! the reader may see), and `kette_domain::needs` on top.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use kette_domain::disclosure::Disclosure;
use kette_domain::needs::{
    apply_scenario, changed_cells, children_in_range, compute, CellChange, DistrictInput, Gap, LocalOffer, NeedsFormula, NeedsMatrix,
    PhaseSummary, ScenarioChange,
};
use kette_domain::vocab::{TermKind, Vocabulary};
use kette_domain::{Direction, DistrictLevel, MunicipalityId};

use kette_reach::{weighted_band_shares, PlacedAreas, DEFAULT_DETOUR};

use crate::{App, AppError, Result};

/// What the reader chose; everything has a default.
#[derive(Debug, Clone, Default)]
pub struct NeedsRequest {
    pub level: Option<i64>,
    pub year: Option<i32>,
    /// indicator code; None picks the first whose higher values mean more need
    pub indicator: Option<String>,
    pub formula: NeedsFormula,
    /// a field's code (`domain` term): only its offers count as supply and as destinations of
    /// the walks; None counts every offer
    pub domain: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NeedsView {
    pub matrix: NeedsMatrix,
    pub gaps: Vec<Gap>,
    pub levels: Vec<DistrictLevel>,
    pub level: i64,
    pub years: Vec<i32>,
    pub year: Option<i32>,
    /// (code, German name, English name) of indicators that can weigh need
    pub indicators: Vec<(String, String, String)>,
    pub indicator: Option<String>,
    /// the year the deprivation values come from (the newest not after the population's)
    pub indicator_year: Option<i32>,
    /// districts whose counts the reader may not see (small numbers)
    pub withheld_districts: usize,
    /// whether the walking shares could be estimated (the districts have outlines)
    pub walk_estimated: bool,
    /// whether they were measured on an imported street network rather than estimated
    pub walk_on_network: bool,
    /// areas whose children were shared out over their homes (on a network), of those measured
    pub walk_from_homes: (usize, usize),
    /// areas whose children were taken from the census grid's cells
    pub walk_from_census: usize,
    /// per district of the level, per life phase, the shares within 5, 10 and 15 minutes
    pub walk_bands: HashMap<i64, Vec<Option<Bands>>>,
    /// where the most children live farther than ten minutes from an offer of their phase
    pub far_to_walk: Vec<FarToWalk>,
    /// per transition, the districts nothing bridges it in
    pub transitions: Vec<UnbridgedTransition>,
    /// what the matrix was computed from, for scenarios to change
    pub inputs: Vec<DistrictInput>,
    /// the field the supply was counted in (None: every field)
    pub domain: Option<String>,
}

/// A scenario's outcome beside the analysis as it stands, computed for one reader.
#[derive(Debug, Clone)]
pub struct ScenarioOutcome {
    pub baseline: Arc<NeedsView>,
    pub matrix: NeedsMatrix,
    pub gaps: Vec<Gap>,
    pub before: Vec<PhaseSummary>,
    pub after: Vec<PhaseSummary>,
    pub changes: Vec<CellChange>,
    /// changes (by id) that have no effect at this level and for this reader, with why
    pub without_effect: Vec<(i64, NoEffect)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NoEffect {
    /// the closed offer is not active, or not at a place the reader may see
    OfferNotCounted,
    /// the planned offer's district lies in no district of this level (a coarser district
    /// without a point)
    NotPlaced,
}

/// Children of a district and life phase who live farther than a ten-minute walk from an
/// offer of the phase.
#[derive(Debug, Clone)]
pub struct FarToWalk {
    pub district: i64,
    pub name: String,
    pub phase: String,
    pub children: f64,
    pub bands: Bands,
    pub beyond_ten_minutes: f64,
}

/// A transition and the districts (id, name, children of the phase after it) whose chain does
/// not bridge it.
#[derive(Debug, Clone)]
pub struct UnbridgedTransition {
    pub transition: String,
    pub districts: Vec<(i64, String, Option<f64>)>,
    /// districts of the level
    pub of: usize,
}

impl App {
    /// The needs analysis for this reader and request, kept while neither the data nor the
    /// figures change (the inputs are thousands of rows; the page is asked for again and again).
    pub async fn needs(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        req: &NeedsRequest,
    ) -> Result<Arc<NeedsView>> {
        let scope = d.place_scope();
        let f = req.formula;
        let key = format!(
            "{municipality}|{:?}|{:?}|{:?}|{:?}|{}|{}|{}|{}|{}|{:?}|{}",
            req.domain,
            req.level,
            req.year,
            req.indicator,
            f.deprivation_weight.to_bits(),
            f.per_children.to_bits(),
            f.min_children.to_bits(),
            scope.all_unapproved,
            scope.all_protected,
            scope.own_organisation,
            d.sees_raw_statistics(),
        );
        let generations = (self.store.generation(municipality).await?, self.figures(d, municipality).await?.generation);
        if let Some(view) = crate::kept(&self.needs_views, &key, &generations) {
            return Ok(view);
        }
        let view = Arc::new(self.compute_needs(d, municipality, vocab, req).await?);
        crate::keep(&self.needs_views, key, generations, view.clone(), KEPT_PER_CACHE);
        Ok(view)
    }

    /// The saved scenarios as `reader` may see them: a closed offer the reader may not see
    /// keeps its place in the list but not its title.
    pub async fn scenarios(&self, reader: &Disclosure, municipality: MunicipalityId) -> Result<Vec<kette_store::StoredScenario>> {
        let policy = self.store.municipality(municipality).await?.review;
        let today = self.store.today();
        let mut all = self.store.scenarios(municipality).await?;
        for s in &mut all {
            for c in &mut s.changes {
                c.offer = c.offer.take().filter(|o| {
                    kette_domain::review::is_public(o.status, o.approval, policy.freshness(o.last_verified_on, today))
                        || reader.sees_unpublished_offers_of(o.organisation_id)
                });
            }
        }
        Ok(all)
    }

    pub async fn scenario(
        &self,
        reader: &Disclosure,
        municipality: MunicipalityId,
        id: i64,
    ) -> Result<Option<kette_store::StoredScenario>> {
        Ok(self.scenarios(reader, municipality).await?.into_iter().find(|s| s.id == id))
    }

    /// Active offers matching `q` that a scenario could close, as `reader` may see them:
    /// (id, title, organisation).
    pub async fn offers_to_close(&self, reader: &Disclosure, municipality: MunicipalityId, q: &str) -> Result<Vec<(i64, String, String)>> {
        let policy = self.store.municipality(municipality).await?.review;
        let today = self.store.today();
        let filter = kette_store::OfferFilter {
            q: Some(q.chars().take(200).collect()),
            status: Some(kette_domain::vocab::OfferStatus::Active),
            ..Default::default()
        };
        Ok(self
            .store
            .list_offers(municipality, &filter, 1, 15)
            .await?
            .items
            .into_iter()
            .filter(|o| {
                let verified = o
                    .last_verified_on
                    .as_deref()
                    .and_then(|d| time::Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok());
                kette_domain::review::is_public(o.status, o.approval, policy.freshness(verified, today))
                    || reader.sees_unpublished_offers_of(o.organisation_id)
            })
            .map(|o| (o.id, o.title, o.organisation_name))
            .collect())
    }

    /// Every district, and the levels that hold any, named where the municipality named them.
    async fn district_levels_present(&self, municipality: MunicipalityId) -> Result<(Vec<kette_domain::District>, Vec<DistrictLevel>)> {
        let (all_districts, _) = self.store.districts(municipality, None, 1, 1_000_000).await?;
        let named = self.store.district_levels(municipality).await?;
        let mut present: Vec<i64> = all_districts.iter().map(|x| x.level).collect();
        present.sort_unstable();
        present.dedup();
        let levels = present
            .into_iter()
            .map(|l| {
                named.iter().find(|n| n.level == l).cloned().unwrap_or_else(|| DistrictLevel {
                    level: l,
                    code: format!("level-{l}"),
                    label_de: format!("Ebene {l}"),
                    label_en: format!("Level {l}"),
                })
            })
            .collect();
        Ok((all_districts, levels))
    }

    /// A scenario's changes applied to the analysis this reader sees: closed offers leave their
    /// districts, planned ones join the district their point (or their district) lies in, and
    /// the walking shares of the phases touched are estimated again. Nothing is written.
    pub async fn needs_scenario(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        req: &NeedsRequest,
        changes: &[(i64, ScenarioChange)],
    ) -> Result<ScenarioOutcome> {
        // a planned offer names no field, so a scenario is weighed against every field's offers
        let req = &NeedsRequest { domain: None, ..req.clone() };
        let baseline = self.needs(d, municipality, vocab, req).await?;
        let phases = baseline.matrix.phases.clone();
        let walk = self.walk_estimate(municipality, baseline.level, d, vocab, req.domain.as_deref(), TravelMode::Walking).await?;
        let counted: HashMap<i64, Vec<usize>> =
            baseline.inputs.iter().flat_map(|x| x.offers.iter().filter_map(|o| o.offer.map(|id| (id, o.phases.clone())))).collect();
        let mut without_effect = vec![];
        let mut closed = std::collections::HashSet::new();
        let mut touched = vec![false; phases.len()];
        let mut planned: Vec<(i64, LocalOffer)> = vec![];
        let mut planned_points: Vec<(usize, [f64; 2])> = vec![];
        for (id, change) in changes {
            match change {
                ScenarioChange::Close { offer } => {
                    let Some(served) = counted.get(offer) else {
                        without_effect.push((*id, NoEffect::OfferNotCounted));
                        continue;
                    };
                    closed.insert(*offer);
                    for p in served {
                        touched[*p] = true;
                    }
                }
                ScenarioChange::Add(p) => {
                    let served: Vec<usize> = p.phases.iter().filter_map(|code| phases.iter().position(|c| c == code)).collect();
                    let at = match p.at {
                        Some(at) => Some(at),
                        None => self
                            .store
                            .district_geometry(municipality, p.district, kette_store::GeometryDetail::Full)
                            .await?
                            .and_then(|g| kette_ingest::geo_assign::interior_point(&g)),
                    };
                    // the named district counts where it lies within one of the level; a
                    // district coarser than the level is narrowed down by the point
                    let district = match self.store.district_at_level(municipality, p.district, baseline.level).await? {
                        Some(x) => Some(x),
                        None => at
                            .and_then(|[lat, lon]| walk.grid.index.locate(lon, lat))
                            .and_then(|key| baseline.inputs.iter().find(|x| x.key == key).map(|x| x.district)),
                    };
                    let Some(district) = district else {
                        without_effect.push((*id, NoEffect::NotPlaced));
                        continue;
                    };
                    for q in &served {
                        touched[*q] = true;
                        if let Some(at) = at {
                            planned_points.push((*q, at));
                        }
                    }
                    planned.push((district, LocalOffer { offer: None, phases: served, places: p.places }));
                }
            }
        }
        let mut inputs = apply_scenario(&baseline.inputs, &closed, &planned);
        let walk_touched: Vec<usize> = (0..phases.len()).filter(|p| touched[*p]).collect();
        if !walk.grid.points.is_empty() && !walk_touched.is_empty() {
            let phases_c = phases.clone();
            let walk_c = walk.clone();
            let closed_c = closed.clone();
            let recomputed = tokio::task::spawn_blocking(move || {
                walk_touched
                    .into_iter()
                    .map(|p| {
                        let points: Vec<[f64; 2]> = walk_c
                            .points
                            .iter()
                            .filter(|(offer, phase, _)| *phase == phases_c[p] && !closed_c.contains(offer))
                            .map(|(_, _, at)| *at)
                            .chain(planned_points.iter().filter(|(q, _)| *q == p).map(|(_, at)| *at))
                            .collect();
                        (p, walk_c.shares_for(points.into_iter().collect()))
                    })
                    .collect::<Vec<_>>()
            })
            .await
            .map_err(|e| AppError::Background(e.to_string()))?;
            for (p, shares) in recomputed {
                for x in &mut inputs {
                    if let Some(slot) = x.within_walk.get_mut(p) {
                        *slot = shares.get(&x.key).copied().flatten().map(|b| b[1]);
                    }
                }
            }
        }
        let matrix = compute(&phases, &inputs, req.formula).against_standard_of(&baseline.matrix);
        let gaps = matrix.gaps();
        Ok(ScenarioOutcome {
            before: baseline.matrix.summary(&baseline.gaps),
            after: matrix.summary(&gaps),
            changes: changed_cells(&baseline.matrix, &baseline.gaps, &matrix, &gaps),
            baseline,
            matrix,
            gaps,
            without_effect,
        })
    }

    async fn compute_needs(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        req: &NeedsRequest,
    ) -> Result<NeedsView> {
        // the levels that hold districts, named where the municipality named them; the finest
        // is the default (population and indicators are published for it)
        let (present, years) =
            tokio::try_join!(self.store.district_level_numbers(municipality), self.store.population_years(municipality))?;
        let level = req.level.filter(|l| present.contains(l)).or_else(|| present.last().copied()).unwrap_or(1);
        let year = req.year.filter(|y| years.contains(y)).or_else(|| years.first().copied());
        let phases: Vec<(String, u32, u32)> = vocab
            .of(TermKind::LifePhase)
            .map(|t| (t.code.clone(), t.min_age_months.unwrap_or(0), t.max_age_months.unwrap_or(300)))
            .collect();
        let codes: Vec<String> = phases.iter().map(|p| p.0.clone()).collect();

        // the reads are independent: SQLite answers them on several connections at once
        let domain = req.domain.as_deref().filter(|code| vocab.of(TermKind::Domain).any(|t| t.code == *code));
        let ((all_districts, levels), population, at_level, links, walk) = tokio::try_join!(
            self.district_levels_present(municipality),
            async {
                Ok::<_, AppError>(match year {
                    Some(year) => Some(self.store.population_of_level(municipality, level, year).await?),
                    None => None,
                })
            },
            async { Ok(self.store.ancestors_at_level(municipality, level).await?) },
            async { Ok(self.store.offer_links(municipality).await?) },
            // reads the offer places (kept) while it makes the grid
            self.walk_estimate(municipality, level, d, vocab, domain, TravelMode::Walking),
        )?;
        let places = self.offer_places(d, municipality, vocab, domain).await?;
        let districts: Vec<&kette_domain::District> = all_districts.iter().filter(|x| x.level == level).collect();
        let located = places.located(&at_level, TermKind::LifePhase);
        let naming = places.located(&at_level, TermKind::Transition);

        // children per district and phase, from the counts this reader may see
        let mut children: BTreeMap<i64, Vec<Option<f64>>> = BTreeMap::new();
        let mut withheld_districts = 0;
        if let Some(sealed) = population {
            for (district, groups) in d.population_by_district(sealed) {
                let known: Vec<(kette_domain::AgeGroup, f64)> =
                    groups.iter().filter_map(|(g, c)| c.shown().map(|n| (g.clone(), n as f64))).collect();
                let hidden: Vec<&kette_domain::AgeGroup> = groups.iter().filter(|(_, c)| c.shown().is_none()).map(|(g, _)| g).collect();
                if !hidden.is_empty() {
                    withheld_districts += 1;
                }
                let per_phase = phases
                    .iter()
                    .map(|(_, lo, hi)| {
                        let touches_hidden = hidden.iter().any(|g| children_in_range(&[((*g).clone(), 1.0)], *lo, *hi) > 0.0);
                        (!touches_hidden).then(|| children_in_range(&known, *lo, *hi))
                    })
                    .collect();
                children.insert(district, per_phase);
            }
        }

        // deprivation from the reader's figures, oriented so that higher means more need
        let indicators_all = self.store.indicators(municipality).await?;
        let indicators: Vec<(String, String, String)> = indicators_all
            .iter()
            .filter(|i| i.def.direction != Direction::Neutral)
            .map(|i| (i.def.code.clone(), i.def.name_de.clone(), i.def.name_en.clone()))
            .collect();
        let figures = self.figures(d, municipality).await?;
        let ids: std::collections::HashSet<i64> = districts.iter().map(|x| x.id).collect();
        let with_values = |code: &str| -> Vec<i32> {
            let mut ys: Vec<i32> = figures
                .rows()
                .iter()
                .filter(|f| f.observation.indicator_code == code && ids.contains(&f.observation.district_id) && f.value().is_some())
                .map(|f| f.observation.year)
                .collect();
            ys.sort_unstable();
            ys.dedup();
            ys
        };
        let indicator = match &req.indicator {
            Some(code) if code.is_empty() => None,
            Some(code) => indicators.iter().find(|i| &i.0 == code).map(|i| i.0.clone()),
            None => {
                // the default: a level rather than a change (no negative values), preferably
                // one counted among children (child poverty), higher meaning more need
                let about_children = |i: &kette_domain::Indicator| {
                    let base = format!("{} {}", i.def.meta.denominator, i.def.meta.numerator).to_lowercase();
                    ["kinder", "children", "unter 1", "under 1"].iter().any(|w| base.contains(w))
                };
                let is_level = |code: &str| {
                    figures.rows().iter().filter(|f| f.observation.indicator_code == code).all(|f| f.value().is_none_or(|v| v >= 0.0))
                };
                indicators_all
                    .iter()
                    .filter(|i| i.def.direction == Direction::HigherIsWorse && !with_values(&i.def.code).is_empty())
                    .max_by_key(|i| (is_level(&i.def.code), about_children(i), std::cmp::Reverse(i.def.code.clone())))
                    .map(|i| i.def.code.clone())
            }
        };
        let mut deprivation: BTreeMap<i64, f64> = BTreeMap::new();
        let mut indicator_year = None;
        if let Some(code) = &indicator {
            let available = with_values(code);
            indicator_year = year.and_then(|y| available.iter().rev().find(|x| **x <= y).copied()).or_else(|| available.last().copied());
            let sign = match indicators_all.iter().find(|i| &i.def.code == code).map(|i| &i.def.direction) {
                Some(Direction::HigherIsBetter) => -1.0,
                _ => 1.0,
            };
            if let Some(y) = indicator_year {
                for f in figures.of_indicator_year(code, y) {
                    if let (true, Some(v)) = (ids.contains(&f.observation.district_id), f.value()) {
                        deprivation.insert(f.observation.district_id, sign * v);
                    }
                }
            }
        }

        // offers located in each district with the phases they serve there
        let mut offers: BTreeMap<(i64, i64), LocalOffer> = BTreeMap::new();
        for o in &located {
            if let Some(p) = phases.iter().position(|(code, _, _)| *code == o.term) {
                let e = offers.entry((o.district, o.offer)).or_insert(LocalOffer { offer: Some(o.offer), phases: vec![], places: None });
                e.phases.push(p);
                e.places = o.capacity.filter(|c| *c > 0).map(|c| c as u64);
            }
        }
        let walk_on_network = walk.on_network();
        let walk_from_homes = (if walk_on_network { walk.areas_from(OriginSource::Homes) } else { 0 }, walk.shares.len());
        let walk_from_census = walk.areas_from(OriginSource::Census);
        let walk = &walk.shares;
        let transitions = Self::transitions_unbridged(vocab, &located, &naming, &links, &districts, &children, &codes);
        let mut by_district: BTreeMap<i64, Vec<LocalOffer>> = BTreeMap::new();
        for ((district, _), offer) in offers {
            by_district.entry(district).or_default().push(offer);
        }
        let inputs: Vec<DistrictInput> = districts
            .iter()
            .map(|x| DistrictInput {
                district: x.id,
                key: x.key.clone(),
                name: x.name.clone(),
                children: children.get(&x.id).cloned().unwrap_or_else(|| vec![None; phases.len()]),
                deprivation: deprivation.get(&x.id).copied(),
                offers: by_district.remove(&x.id).unwrap_or_default(),
                within_walk: walk
                    .get(&x.key)
                    .map(|per_phase| per_phase.iter().map(|b| b.map(|b| b[1])).collect())
                    .unwrap_or_else(|| vec![None; phases.len()]),
            })
            .collect();
        let matrix = compute(&codes, &inputs, req.formula);
        let gaps = matrix.gaps();
        let walk_bands: HashMap<i64, Vec<Option<Bands>>> =
            districts.iter().filter_map(|x| walk.get(&x.key).map(|b| (x.id, b.clone()))).collect();
        let mut far_to_walk: Vec<FarToWalk> = vec![];
        for row in &matrix.rows {
            for (p, cell) in row.cells.iter().enumerate() {
                let bands = walk_bands.get(&row.district).and_then(|b| b.get(p).copied().flatten());
                if let (Some(children), Some(bands)) = (cell.children, bands) {
                    let beyond = children * (1.0 - bands[1]);
                    if beyond >= 1.0 {
                        far_to_walk.push(FarToWalk {
                            district: row.district,
                            name: row.name.clone(),
                            phase: codes[p].clone(),
                            children,
                            bands,
                            beyond_ten_minutes: beyond,
                        });
                    }
                }
            }
        }
        far_to_walk.sort_by(|a, b| b.beyond_ten_minutes.total_cmp(&a.beyond_ten_minutes).then(a.name.cmp(&b.name)));
        far_to_walk.truncate(30);
        Ok(NeedsView {
            walk_bands,
            far_to_walk,
            inputs,
            matrix,
            gaps,
            levels,
            level,
            years,
            year,
            indicators,
            indicator,
            indicator_year,
            withheld_districts,
            walk_estimated: !walk.is_empty(),
            walk_on_network,
            walk_from_homes,
            walk_from_census,
            transitions,
            domain: domain.map(str::to_string),
        })
    }

    /// Per transition, the districts whose chain leaves it unbridged (`domain::chain`'s rule: no
    /// offer located there names it and no step of the chain at it has an end there), the ones
    /// with the most children of the phase after it first.
    fn transitions_unbridged(
        vocab: &Vocabulary,
        located: &[kette_store::LocatedOffer],
        naming: &[kette_store::LocatedOffer],
        links: &[kette_store::OfferLink],
        districts: &[&kette_domain::District],
        children: &BTreeMap<i64, Vec<Option<f64>>>,
        phase_codes: &[String],
    ) -> Vec<UnbridgedTransition> {
        let mut where_offer: HashMap<i64, Vec<i64>> = HashMap::new();
        for o in located.iter().chain(naming) {
            where_offer.entry(o.offer).or_default().push(o.district);
        }
        let mut naming_count: HashMap<(i64, &str), u64> = HashMap::new();
        for o in naming {
            *naming_count.entry((o.district, o.term.as_str())).or_default() += 1;
        }
        let mut out = vec![];
        for t in vocab.of(TermKind::Transition) {
            let after = kette_domain::chain::transition_phases(&t.code).and_then(|(_, to)| phase_codes.iter().position(|c| c == to));
            let mut rows: Vec<(i64, String, Option<f64>)> = vec![];
            for x in districts {
                let offers_naming: HashMap<String, u64> =
                    HashMap::from([(t.code.clone(), naming_count.get(&(x.id, t.code.as_str())).copied().unwrap_or(0))]);
                let here = |offer: i64| where_offer.get(&offer).is_some_and(|ds| ds.contains(&x.id));
                let links_here: Vec<Option<&str>> =
                    links.iter().filter(|l| here(l.from_offer_id) || here(l.to_offer_id)).map(|l| l.transition.as_deref()).collect();
                let bridge = &kette_domain::chain::bridges([t.code.as_str()], &offers_naming, links_here.iter().copied())[0];
                if bridge.is_unbridged() {
                    let kids = after.and_then(|p| children.get(&x.id).and_then(|c| c.get(p).copied().flatten()));
                    rows.push((x.id, x.name.clone(), kids));
                }
            }
            rows.sort_by(|a, b| b.2.unwrap_or(-1.0).total_cmp(&a.2.unwrap_or(-1.0)).then(a.1.cmp(&b.1)));
            out.push(UnbridgedTransition { transition: t.code.clone(), districts: rows, of: districts.len() });
        }
        out
    }

    /// The grid of a level's districts, kept while their outlines stay the same (checked by a
    /// hash of the stored geometries, which are read anyway in a few milliseconds).
    pub(crate) async fn walk_grid(&self, municipality: MunicipalityId, level: i64) -> Result<Arc<WalkGrid>> {
        use std::hash::{Hash, Hasher};
        let geometries = self.store.district_geometries(municipality, level).await?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        geometries.hash(&mut hasher);
        let key = (municipality, level, hasher.finish());
        if let Some(grid) = self.walk_grids.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(grid);
        }
        let grid = tokio::task::spawn_blocking(move || {
            let index = kette_ingest::geo_assign::DistrictIndex::new(geometries);
            let (keys, points) = index.grid_points(WALK_GRID_M).into_iter().unzip();
            WalkGrid { index, keys, points }
        })
        .await
        .map_err(|e| AppError::Background(e.to_string()))?;
        let grid = Arc::new(grid);
        if let Ok(mut cache) = self.walk_grids.lock() {
            cache.retain(|(m, l, _), _| (*m, *l) != (municipality, level));
            cache.insert(key, grid.clone());
        }
        Ok(grid)
    }

    /// Per district key and life phase, the share of the district's area (its children spread
    /// evenly over it) within a ten-minute walk of an offer of the phase, estimated from the
    /// straight line × 1.3 at 4.8 km/h over a 200 m grid — used until a street network is
    /// imported, and labelled as an estimate wherever shown. Kept with its grid and points, so
    /// a scenario estimates again only the phases it touches.
    async fn walk_estimate(
        &self,
        municipality: MunicipalityId,
        level: i64,
        d: &Disclosure,
        vocab: &Vocabulary,
        domain: Option<&str>,
        mode: TravelMode,
    ) -> Result<Arc<WalkEstimate>> {
        let phases: Vec<String> = vocab.of(TermKind::LifePhase).map(|t| t.code.clone()).collect();
        let scope = d.place_scope();
        let key: WalkKey =
            (municipality, level, scope.all_unapproved, scope.all_protected, scope.own_organisation, domain.map(str::to_string), mode);
        let generation = self.store.generation(municipality).await?;
        if let Some(estimate) = crate::kept(&self.walk_estimates, &key, &generation) {
            return Ok(estimate);
        }
        let estimate = match domain {
            // one field's offers as destinations: the grid and the homes placed on the network
            // are the ones of every field, only the destinations differ
            Some(code) => {
                let (every_field, places) = tokio::try_join!(
                    Box::pin(self.walk_estimate(municipality, level, d, vocab, None, mode)),
                    self.offer_places(d, municipality, vocab, Some(code)),
                )?;
                let points = places.points(&phases);
                let (grid, network, origins) = (every_field.grid.clone(), every_field.network.clone(), every_field.origins.clone());
                tokio::task::spawn_blocking(move || WalkEstimate::measured(grid, network, origins, points, &phases, mode))
                    .await
                    .map_err(|e| AppError::Background(e.to_string()))?
            }
            None => self.walk_estimate_of_every_field(municipality, level, d, vocab, &phases, mode).await?,
        };
        let estimate = Arc::new(estimate);
        crate::keep(&self.walk_estimates, key, generation, estimate.clone(), KEPT_PER_CACHE);
        Ok(estimate)
    }

    async fn walk_estimate_of_every_field(
        &self,
        municipality: MunicipalityId,
        level: i64,
        d: &Disclosure,
        vocab: &Vocabulary,
        phases: &[String],
        mode: TravelMode,
    ) -> Result<WalkEstimate> {
        let (grid, points, network, census) = tokio::try_join!(
            self.walk_grid(municipality, level),
            async { Ok(self.offer_places(d, municipality, vocab, None).await?.points(phases)) },
            self.street_network(municipality, mode.profile()),
            async { Ok(self.store.census_origins(municipality).await?) },
        )?;
        let phases = phases.to_vec();
        tokio::task::spawn_blocking(move || {
            let slot: HashMap<&str, usize> = grid.keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
            let by_area = |points: &mut dyn Iterator<Item = ([f64; 2], f64)>| {
                let mut areas: Vec<Vec<([f64; 2], f64)>> = vec![vec![]; grid.keys.len()];
                for (at, weight) in points {
                    if let Some(i) = grid.index.locate(at[1], at[0]).and_then(|k| slot.get(k)) {
                        areas[*i].push((at, weight));
                    }
                }
                areas
            };
            // where people live, best source first: the census grid's children (or people),
            // the homes of the extract by floor area, the even grid; a cell whose count is
            // secret is left out rather than counted as empty
            let from_census = by_area(&mut census.iter().filter_map(|(at, weight)| Some((*at, weight.filter(|w| *w > 0.0)?))));
            let from_homes = network.as_ref().map(|built| by_area(&mut built.homes.iter().map(|h| (h.at, h.floor_m2))));
            let mut sources = vec![OriginSource::Grid; grid.keys.len()];
            let origins: Vec<Vec<([f64; 2], f64)>> = (0..grid.keys.len())
                .map(|i| {
                    if !from_census[i].is_empty() {
                        sources[i] = OriginSource::Census;
                        from_census[i].clone()
                    } else if let Some(homes) = from_homes.as_ref().filter(|h| !h[i].is_empty()) {
                        sources[i] = OriginSource::Homes;
                        homes[i].clone()
                    } else {
                        grid.points[i].iter().map(|p| (*p, 1.0)).collect()
                    }
                })
                .collect();
            // with a street network the walks are measured on it; the origins are placed once
            let network = network.map(|built| {
                let placed = PlacedAreas::weighted(&built.network, &built.index, &origins, WALK_MAX_ACCESS_M);
                Arc::new(NetworkWalk { built, placed })
            });
            WalkEstimate::measured(grid, network, Arc::new(WalkOrigins { origins, sources }), points, &phases, mode)
        })
        .await
        .map_err(|e| AppError::Background(e.to_string()))
    }
}

/// The districts of a level as a grid of points 200 m apart: the same for every reader and
/// every change of offers, so it is kept until the outlines change.
pub struct WalkGrid {
    index: kette_ingest::geo_assign::DistrictIndex,
    /// district keys, and the grid points of each
    keys: Vec<String>,
    points: Vec<Vec<[f64; 2]>>,
}

/// The walking estimate of one level for one reader: the districts' grid, the offers' points
/// (offer, life phase, (lat, lon)) and the shares made from them.
pub struct WalkEstimate {
    grid: Arc<WalkGrid>,
    /// the municipality's street network with the origins placed on it, when one is imported
    network: Option<Arc<NetworkWalk>>,
    /// where each area's children are taken to live
    origins: Arc<WalkOrigins>,
    /// on foot or by bike
    mode: TravelMode,
    points: Vec<(i64, String, [f64; 2])>,
    pub shares: WalkShares,
}

struct NetworkWalk {
    built: Arc<crate::reach::BuiltNetwork>,
    placed: PlacedAreas,
}

/// Per area (in the grid's order), the points its children are taken to live at with their
/// weights, and where those came from.
pub struct WalkOrigins {
    origins: Vec<Vec<([f64; 2], f64)>>,
    sources: Vec<OriginSource>,
}

/// Where an area's children are taken to live.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OriginSource {
    /// the census grid's inhabited cells, weighted by children (or people)
    Census,
    /// the residential buildings of the street network's extract, weighted by floor area
    Homes,
    /// evenly over a 200 m grid inside the area's outline
    Grid,
}

impl WalkEstimate {
    /// The shares of every phase, from the offers' points of that phase.
    fn measured(
        grid: Arc<WalkGrid>,
        network: Option<Arc<NetworkWalk>>,
        origins: Arc<WalkOrigins>,
        points: Vec<(i64, String, [f64; 2])>,
        phases: &[String],
        mode: TravelMode,
    ) -> Self {
        let mut estimate = WalkEstimate { grid, points, network, origins, mode, shares: HashMap::new() };
        let per_phase: Vec<HashMap<String, Option<Bands>>> = phases
            .iter()
            .map(|phase| estimate.shares_for(estimate.points.iter().filter(|(_, p, _)| p == phase).map(|(_, _, at)| *at).collect()))
            .collect();
        estimate.shares = estimate
            .grid
            .keys
            .iter()
            .map(|key| (key.clone(), per_phase.iter().map(|shares| shares.get(key).copied().flatten()).collect()))
            .collect();
        estimate
    }

    /// Whether the shares were measured on an imported street network (else estimated).
    pub fn on_network(&self) -> bool {
        self.network.is_some()
    }

    /// Areas whose children were taken to live at the census grid's cells or the extract's homes.
    pub fn areas_from(&self, source: OriginSource) -> usize {
        self.origins.sources.iter().filter(|s| **s == source).count()
    }

    /// Every origin with the walk band of its nearest destination (`WalkPoint`), for the map
    /// of walking times; the same measure as the shares (network or estimate).
    fn bands_of_points(&self, destinations: &[[f64; 2]]) -> Vec<WalkPoint> {
        let limits = WALK_BANDS.map(|minutes| minutes * self.mode.kmh() * 1000.0 / 60.0);
        let points: Vec<([f64; 2], f64)> = self.origins.origins.iter().flatten().copied().collect();
        let band_of = |metres: f64| limits.iter().position(|l| metres <= *l).unwrap_or(limits.len()) as u8;
        let bands: Vec<Option<u8>> = match &self.network {
            Some(n) => n
                .placed
                .distances(&n.built.network, &n.built.index, destinations, limits[limits.len() - 1], WALK_MAX_ACCESS_M)
                .into_iter()
                .map(|d| d.map(band_of))
                .collect(),
            None => {
                let indices: Vec<Option<kette_reach::WithinIndex>> = WALK_BANDS
                    .iter()
                    .map(|minutes| {
                        kette_reach::WithinIndex::new(
                            destinations,
                            kette_reach::straight_limit_m(DEFAULT_DETOUR, self.mode.kmh(), *minutes),
                        )
                    })
                    .collect();
                points
                    .iter()
                    .map(|(at, _)| {
                        Some(indices.iter().position(|i| i.as_ref().is_some_and(|i| i.any_within(*at))).unwrap_or(WALK_BANDS.len()) as u8)
                    })
                    .collect()
            }
        };
        points.into_iter().zip(bands).map(|((at, weight), band)| WalkPoint { at, weight, band }).collect()
    }

    /// Per district key, the shares of its grid within a walk of 5, 10 and 15 minutes of one
    /// of `destinations` (0 when there are none, None for a district without grid points).
    fn shares_for(&self, destinations: Vec<[f64; 2]>) -> HashMap<String, Option<Bands>> {
        let bands: Vec<Option<Bands>> = match &self.network {
            Some(n) => {
                let limits = WALK_BANDS.map(|minutes| minutes * self.mode.kmh() * 1000.0 / 60.0);
                let shares = n.placed.shares_within(&n.built.network, &n.built.index, &destinations, &limits, WALK_MAX_ACCESS_M);
                shares.into_iter().map(|s| Some([s[0]?, s[1]?, s[2]?])).collect()
            }
            None => weighted_band_shares(&destinations, &self.origins.origins, DEFAULT_DETOUR, self.mode.kmh(), &WALK_BANDS)
                .into_iter()
                .map(|s| s.map(|s| [s[0], s[1], s[2]]))
                .collect(),
        };
        self.grid.keys.iter().cloned().zip(bands).collect()
    }
}

/// A place children live (a census cell, a home, a grid point) with the walk to the nearest
/// offer of a phase: `band` 0 within 5 minutes, 1 within 10, 2 within 15, 3 farther; None where
/// it lies off the street network.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WalkPoint {
    pub at: [f64; 2],
    pub weight: f64,
    pub band: Option<u8>,
}

impl App {
    /// The walk from every place children live to the nearest offer of `phase` (of the chosen
    /// field), for the map of walking times: measured like the analysis' shares, through the
    /// reader's view of places.
    pub async fn walk_points(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        req: &NeedsRequest,
        phase: &str,
        mode: TravelMode,
    ) -> Result<Vec<WalkPoint>> {
        let view = self.needs(d, municipality, vocab, req).await?;
        let walk = self.walk_estimate(municipality, view.level, d, vocab, view.domain.as_deref(), mode).await?;
        let destinations: Vec<[f64; 2]> = walk.points.iter().filter(|(_, p, _)| p == phase).map(|(_, _, at)| *at).collect();
        tokio::task::spawn_blocking(move || walk.bands_of_points(&destinations)).await.map_err(|e| AppError::Background(e.to_string()))
    }
}

/// (municipality, place scope, field, phase and transition codes) — what decides which offer
/// places the analysis reads.
pub type PlacesKey = (MunicipalityId, bool, bool, Option<i64>, Option<String>, Vec<String>);

/// The places of the active offers a reader may see, with their phases and transitions (the
/// codes they were read for), once per data generation.
pub struct OfferPlaces {
    places: Vec<kette_store::OfferPlace>,
    phases: Vec<String>,
    transitions: Vec<String>,
}

impl OfferPlaces {
    /// Offers located at or below each district of a level (`at_level` maps a district to its
    /// ancestor of the level), once per district, offer and life phase or transition (`kind`).
    fn located(&self, at_level: &HashMap<i64, i64>, kind: TermKind) -> Vec<kette_store::LocatedOffer> {
        let (codes, terms): (&[String], fn(&kette_store::OfferPlace) -> i64) = match kind {
            TermKind::Transition => (&self.transitions, |p| p.transitions),
            _ => (&self.phases, |p| p.phases),
        };
        let mut out: std::collections::BTreeSet<(i64, i64, &String, Option<i64>)> = Default::default();
        for p in &self.places {
            if let Some(district) = p.district.and_then(|d| at_level.get(&d).copied()) {
                for code in kette_store::codes_in(codes, terms(p)) {
                    out.insert((district, p.offer, code, p.capacity));
                }
            }
        }
        out.into_iter()
            .map(|(district, offer, term, capacity)| kette_store::LocatedOffer { district, offer, term: term.clone(), capacity })
            .collect()
    }

    /// (offer, life phase, (lat, lon)) of every place with coordinates, for the phases among
    /// `phases`.
    fn points(&self, phases: &[String]) -> Vec<(i64, String, [f64; 2])> {
        let mut points: Vec<(i64, String, [f64; 2])> = self
            .places
            .iter()
            .filter_map(|p| Some((p, p.at?)))
            .flat_map(|(p, at)| {
                kette_store::codes_in(&self.phases, p.phases).filter(|c| phases.contains(c)).map(move |c| (p.offer, c.clone(), at))
            })
            .collect();
        points.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)).then(a.2[0].total_cmp(&b.2[0])).then(a.2[1].total_cmp(&b.2[1])));
        points.dedup();
        points
    }
}

impl App {
    /// The offer places this reader may see (of one field), read once per data generation.
    async fn offer_places(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        domain: Option<&str>,
    ) -> Result<Arc<OfferPlaces>> {
        let scope = d.place_scope();
        let phases: Vec<String> = vocab.of(TermKind::LifePhase).map(|t| t.code.clone()).collect();
        let transitions: Vec<String> = vocab.of(TermKind::Transition).map(|t| t.code.clone()).collect();
        let codes: Vec<String> = phases.iter().chain(std::iter::once(&String::new())).chain(&transitions).cloned().collect();
        let key: PlacesKey =
            (municipality, scope.all_unapproved, scope.all_protected, scope.own_organisation, domain.map(str::to_string), codes);
        let generation = self.store.generation(municipality).await?;
        if let Some(places) = crate::kept(&self.offer_places, &key, &generation) {
            return Ok(places);
        }
        let places = self.store.offer_places(municipality, &scope, &phases, &transitions, domain).await?;
        let places = Arc::new(OfferPlaces { places, phases, transitions });
        crate::keep(&self.offer_places, key, generation, places.clone(), KEPT_PER_CACHE);
        Ok(places)
    }
}

/// (municipality, level, place scope, field, mode) — what decides which offers a walking
/// estimate sees and how it travels.
pub type WalkKey = (MunicipalityId, i64, bool, bool, Option<i64>, Option<String>, TravelMode);

/// How children get to an offer: the needs analysis itself measures walks; the reach page can
/// show the same by bike on a cycling network (`kette import street-network --profile cycling`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TravelMode {
    #[default]
    Walking,
    Cycling,
}

impl TravelMode {
    pub fn parse(text: &str) -> Option<TravelMode> {
        match text {
            "walking" => Some(TravelMode::Walking),
            "cycling" => Some(TravelMode::Cycling),
            _ => None,
        }
    }
    /// The street network profile it travels on.
    pub fn profile(self) -> &'static str {
        match self {
            TravelMode::Walking => "walking",
            TravelMode::Cycling => "cycling",
        }
    }
    /// Speed in km/h: 4.8 on foot; 15 by bike, a relaxed pace with a child.
    pub fn kmh(self) -> f64 {
        match self {
            TravelMode::Walking => WALK_KMH,
            TravelMode::Cycling => CYCLE_KMH,
        }
    }
}

/// Per district of the level, per life phase, the shares within 5, 10 and 15 minutes by the
/// chosen mode, and whether they were measured on a network.
#[derive(Debug, Clone)]
pub struct TravelShares {
    pub mode: TravelMode,
    pub bands: HashMap<i64, Vec<Option<Bands>>>,
    pub on_network: bool,
}

impl App {
    /// The analysis' walking shares, or the same measured by bike: for the reach page and its
    /// table, through the reader's view of places and the chosen field.
    pub async fn travel_shares(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        req: &NeedsRequest,
        mode: TravelMode,
    ) -> Result<(Arc<NeedsView>, TravelShares)> {
        let view = self.needs(d, municipality, vocab, req).await?;
        if mode == TravelMode::Walking {
            let shares = TravelShares { mode, bands: view.walk_bands.clone(), on_network: view.walk_on_network };
            return Ok((view, shares));
        }
        let estimate = self.walk_estimate(municipality, view.level, d, vocab, view.domain.as_deref(), mode).await?;
        let bands = view.inputs.iter().filter_map(|x| estimate.shares.get(&x.key).map(|b| (x.district, b.clone()))).collect();
        let shares = TravelShares { mode, bands, on_network: estimate.on_network() };
        Ok((view, shares))
    }
}
/// Per district key, per life phase, the shares within 5, 10 and 15 minutes.
pub type WalkShares = HashMap<String, Vec<Option<Bands>>>;
/// Shares of a district's children within 5, 10 and 15 minutes on foot.
pub type Bands = [f64; 3];

/// Entries a cache by request keeps before it starts over.
const KEPT_PER_CACHE: usize = 65;

/// The walks measured, in minutes; the matrix and the gaps use the middle one.
pub const WALK_BANDS: [f64; 3] = [5.0, 10.0, 15.0];
/// The estimate's parameters, stated on the page.
pub const WALK_MINUTES: f64 = 10.0;
pub const WALK_KMH: f64 = 4.8;
pub const CYCLE_KMH: f64 = 15.0;
pub const WALK_GRID_M: f64 = 200.0;
/// Grid points and offers farther from every street are not placed on an imported network.
pub const WALK_MAX_ACCESS_M: f64 = 500.0;

/// Which offers exist per district and term of one dimension (life phase, domain, transition,
/// target group): the inventory of the "Bestandsanalyse".
#[derive(Debug, Clone)]
pub struct Inventory {
    pub levels: Vec<DistrictLevel>,
    pub level: i64,
    pub dimension: TermKind,
    /// term codes of the dimension, in the vocabulary's order
    pub terms: Vec<String>,
    pub rows: Vec<InventoryRow>,
    /// per term, the offers located anywhere in the level's districts (an offer in two
    /// districts counts once)
    pub totals: Vec<usize>,
    /// distinct offers located in the level's districts
    pub offers: usize,
}

#[derive(Debug, Clone)]
pub struct InventoryRow {
    pub district: i64,
    pub key: String,
    pub name: String,
    pub counts: Vec<usize>,
    /// distinct offers of any term of the dimension
    pub offers: usize,
}

impl App {
    /// Active offers with a place the reader may see, counted per district of `level` (the
    /// finest when None) and term of `dimension`, through the same place rule as the needs
    /// analysis.
    pub async fn inventory(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        level: Option<i64>,
        dimension: TermKind,
    ) -> Result<Arc<Inventory>> {
        // kept like the analysis: the counts change only with the offer data
        let scope = d.place_scope();
        let key = format!(
            "{municipality}|{level:?}|{}|{}|{}|{:?}",
            dimension.as_str(),
            scope.all_unapproved,
            scope.all_protected,
            scope.own_organisation
        );
        let generation = self.store.generation(municipality).await?;
        if let Some(inventory) = crate::kept(&self.inventories, &key, &generation) {
            return Ok(inventory);
        }
        let inventory = Arc::new(self.count_inventory(d, municipality, vocab, level, dimension).await?);
        crate::keep(&self.inventories, key, generation, inventory.clone(), KEPT_PER_CACHE);
        Ok(inventory)
    }

    async fn count_inventory(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        level: Option<i64>,
        dimension: TermKind,
    ) -> Result<Inventory> {
        let (all_districts, levels) = self.district_levels_present(municipality).await?;
        let present: Vec<i64> = levels.iter().map(|l| l.level).collect();
        let level = level.filter(|l| present.contains(l)).or_else(|| present.last().copied()).unwrap_or(1);
        let terms: Vec<String> = vocab.of(dimension).map(|t| t.code.clone()).collect();
        let located = self.store.offers_of_level(municipality, level, &d.place_scope(), dimension.as_str(), &terms, None).await?;
        let mut per_cell: HashMap<(i64, usize), usize> = HashMap::new();
        let mut per_district: HashMap<i64, std::collections::HashSet<i64>> = HashMap::new();
        let mut per_term: Vec<std::collections::HashSet<i64>> = vec![Default::default(); terms.len()];
        for o in &located {
            if let Some(t) = terms.iter().position(|c| *c == o.term) {
                *per_cell.entry((o.district, t)).or_default() += 1;
                per_district.entry(o.district).or_default().insert(o.offer);
                per_term[t].insert(o.offer);
            }
        }
        let rows: Vec<InventoryRow> = all_districts
            .iter()
            .filter(|x| x.level == level)
            .map(|x| InventoryRow {
                district: x.id,
                key: x.key.clone(),
                name: x.name.clone(),
                counts: (0..terms.len()).map(|t| per_cell.get(&(x.id, t)).copied().unwrap_or(0)).collect(),
                offers: per_district.get(&x.id).map_or(0, |s| s.len()),
            })
            .collect();
        let offers = per_district.values().flatten().collect::<std::collections::HashSet<_>>().len();
        Ok(Inventory { levels, level, dimension, terms, rows, totals: per_term.iter().map(|s| s.len()).collect(), offers })
    }
}

impl App {
    /// Freezes the walking shares of a level as a run: computed with the public's view of
    /// places (no protected place shapes them, so anyone who reads runs may see them), stored
    /// with how they were measured.
    pub async fn save_reach_run(
        &self,
        municipality: &kette_domain::Municipality,
        vocab: &Vocabulary,
        level: Option<i64>,
        domain: Option<&str>,
        label: &str,
        by: Option<kette_domain::AccountId>,
    ) -> Result<i64> {
        let public = Disclosure::public(municipality.confidentiality);
        let req = NeedsRequest { level, indicator: Some(String::new()), domain: domain.map(str::to_string), ..Default::default() };
        let view = self.needs(&public, municipality.id, vocab, &req).await?;
        let mut shares = vec![];
        for (district, bands) in &view.walk_bands {
            for (phase, b) in view.matrix.phases.iter().zip(bands) {
                if let Some(b) = b {
                    shares.push((*district, phase.clone(), *b));
                }
            }
        }
        shares.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        let (method, sha) = if view.walk_on_network {
            ("street_network", self.store.street_network_sha(municipality.id, "walking").await?)
        } else {
            ("straight_line_estimate", None)
        };
        let parameters = serde_json::json!({
            "speed_kmh": WALK_KMH,
            "minutes": WALK_BANDS,
            "grid_m": WALK_GRID_M,
            "max_access_m": WALK_MAX_ACCESS_M,
            "detour": if view.walk_on_network { None } else { Some(DEFAULT_DETOUR) },
            "areas_from_homes": view.walk_from_homes.0,
            "areas": view.walk_from_homes.1,
            "domain": view.domain,
            "data_generation": self.store.generation(municipality.id).await?,
        })
        .to_string();
        Ok(self.store.save_reach_run(municipality.id, label, view.level, method, sha.as_deref(), &parameters, &shares, by).await?)
    }
}

/// What an import of a census grid kept, for the message.
#[derive(Debug, Clone)]
pub struct CensusImport {
    pub sha256: String,
    /// cells inside the municipality's districts, stored
    pub cells: usize,
    /// cells of the file outside them, left out
    pub outside: usize,
    /// stored cells whose count the statistical office keeps secret
    pub withheld: usize,
    /// the column the children come from (None: the people are the weight)
    pub children_column: Option<String>,
}

impl App {
    /// Reads a census grid table (Zensus 2022 or 2011, `kette_reach::census`) and stores the
    /// cells that lie in the municipality's districts, replacing the previous grid; from then on
    /// the walks are measured from these cells, weighted by their children (or people). A table
    /// with any unreadable row, or without a cell in the municipality, is refused whole.
    pub async fn import_census_grid(
        &self,
        municipality: MunicipalityId,
        file_name: &str,
        bytes: Vec<u8>,
        by: Option<kette_domain::AccountId>,
    ) -> Result<CensusImport> {
        let (_, levels) = self.district_levels_present(municipality).await?;
        let finest = levels.last().map(|l| l.level).ok_or(AppError::NoDistricts)?;
        let grid = self.walk_grid(municipality, finest).await?;
        let file = file_name.to_string();
        let (bytes, census, inside, outside) = tokio::task::spawn_blocking(move || -> Result<_> {
            // the cells near the districts first (a Germany-wide table has millions), then those
            // inside an outline
            let area = grid.index.bounds().map(|[s, w, n, e]| [s - 0.01, w - 0.01, n + 0.01, e + 0.01]);
            let read = kette_reach::read_census_grid_within(&file, &bytes, area)?;
            let census = read.grid;
            let inside: Vec<kette_store::StoredCensusCell> = census
                .cells
                .iter()
                .filter(|c| grid.index.locate(c.at[1], c.at[0]).is_some())
                .map(|c| kette_store::StoredCensusCell { id: c.id.clone(), at: c.at, people: c.people, children: c.children })
                .collect();
            let outside = read.outside + census.cells.len() - inside.len();
            if inside.is_empty() {
                let first = census.cells.first().map(|c| c.at).or(read.first_outside).unwrap_or_default();
                return Err(AppError::CensusElsewhere { file, cells: outside, first_lat: first[0], first_lon: first[1] });
            }
            Ok((bytes, census, inside, outside))
        })
        .await
        .map_err(|e| AppError::Background(e.to_string()))??;
        let new = kette_store::NewCensusGrid {
            file_name,
            bytes: &bytes,
            people_column: census.people_column.as_deref(),
            children_column: census.children_column.as_deref(),
            cell_m: census.cell_m,
            cells: &inside,
        };
        let sha256 = self.store.save_census_grid(municipality, &new, by).await?;
        let weight = |c: &kette_store::StoredCensusCell| if census.children_column.is_some() { c.children } else { c.people };
        Ok(CensusImport {
            sha256,
            cells: inside.len(),
            outside,
            withheld: inside.iter().filter(|c| weight(c).is_none()).count(),
            children_column: census.children_column.clone(),
        })
    }
}
