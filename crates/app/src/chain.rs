//! The links of the chain as readers see them (issue 16): "what comes next" on an offer page,
//! only steps to offers the reader may see; and the coordinator's chain of a district — its
//! offers by life phase, the links among them and the transitions nothing bridges.

use std::collections::{HashMap, HashSet};

use kette_domain::chain::{bridges, TransitionBridge};
use kette_domain::disclosure::Disclosure;
use kette_domain::vocab::Vocabulary;
use kette_domain::{Municipality, Offer, TermKind};
use kette_store::{OfferLink, OfferTranslation};

use crate::{App, Result};

/// One next step as a reader may see it: the offer with its translations (the page picks the
/// reader's language) and the transition the step bridges.
pub struct ChainStep {
    pub link_id: i64,
    pub offer: Offer,
    pub translations: Vec<OfferTranslation>,
    pub transition: Option<String>,
}

/// A district's chain for the coordination.
pub struct ChainOverview {
    /// Life phases in the vocabulary's order: (code, active offers located in the district that
    /// serve the phase).
    pub phases: Vec<(String, usize)>,
    /// The offers that take part in a link in scope: (id, title, organisation, the phase it is
    /// drawn in — its earliest —, located in the district).
    pub offers: Vec<ChainOffer>,
    /// Links with at least one end in the district (all links without a district).
    pub links: Vec<OfferLink>,
    /// Every transition of the vocabulary with the offers and links bridging it here.
    pub transitions: Vec<TransitionBridge>,
}

pub struct ChainOffer {
    pub id: i64,
    pub title: String,
    pub organisation: String,
    pub phase: Option<String>,
    pub in_district: bool,
}

impl ChainOverview {
    pub fn unbridged(&self) -> impl Iterator<Item = &TransitionBridge> {
        self.transitions.iter().filter(|t| t.is_unbridged())
    }
}

impl App {
    /// What comes before and what comes next after an offer, for this reader: steps to offers
    /// the reader may not see (paused, unapproved, lapsed) are left out, as they are everywhere
    /// else. Families are shown the next steps only.
    pub async fn chain_neighbours(
        &self,
        reader: &Disclosure,
        municipality: &Municipality,
        offer: i64,
    ) -> Result<(Vec<ChainStep>, Vec<ChainStep>)> {
        let (before, next) = self.store.links_of_offer(municipality.id, offer).await?;
        let today = self.store.today();
        let mut sides = (vec![], vec![]);
        for (links, out, other) in
            [(before, &mut sides.0, (|l: &OfferLink| l.from_offer_id) as fn(&OfferLink) -> i64), (next, &mut sides.1, |l| l.to_offer_id)]
        {
            for link in links {
                let o = self.store.offer(municipality.id, other(&link)).await?;
                let visible = reader.sees_unpublished_offers_of(o.input.organisation_id)
                    || crate::offer_is_public(today, &municipality.review, &o.input, o.approval);
                if visible {
                    let translations = self.store.offer_translations(municipality.id, o.id).await?;
                    out.push(ChainStep { link_id: link.id, offer: o, translations, transition: link.transition });
                }
            }
        }
        Ok(sides)
    }

    /// The chain of a district (or the whole municipality) for the coordination, which sees
    /// every offer whatever its state.
    pub async fn chain_overview(&self, municipality: &Municipality, vocab: &Vocabulary, district: Option<i64>) -> Result<ChainOverview> {
        let m = municipality.id;
        let located = self.store.offers_in_district(m, district).await?;
        let phase_order: Vec<String> = vocab.of(TermKind::LifePhase).map(|t| t.code.clone()).collect();
        let phases = phase_order.iter().map(|p| (p.clone(), located.iter().filter(|o| o.3.contains(p)).count())).collect();
        let in_district: HashSet<i64> = located.iter().map(|o| o.0).collect();
        let links: Vec<OfferLink> = self
            .store
            .offer_links(m)
            .await?
            .into_iter()
            .filter(|l| district.is_none() || in_district.contains(&l.from_offer_id) || in_district.contains(&l.to_offer_id))
            .collect();
        let earliest = |codes: &[String]| phase_order.iter().find(|p| codes.contains(p)).cloned();
        let mut offers: Vec<ChainOffer> = vec![];
        let mut placed: HashSet<i64> = HashSet::new();
        for l in &links {
            for (id, title, organisation) in
                [(l.from_offer_id, &l.from_title, &l.from_organisation), (l.to_offer_id, &l.to_title, &l.to_organisation)]
            {
                if !placed.insert(id) {
                    continue;
                }
                let phase = match located.iter().find(|o| o.0 == id) {
                    Some(o) => earliest(&o.3),
                    None => earliest(&self.store.offer(m, id).await?.input.life_phases),
                };
                offers.push(ChainOffer {
                    id,
                    title: title.clone(),
                    organisation: organisation.clone(),
                    phase,
                    in_district: in_district.contains(&id),
                });
            }
        }
        let matrix = self.store.chain_matrix(m, vocab, district).await?;
        let offers_naming: HashMap<String, u64> =
            matrix.transitions.iter().cloned().zip(matrix.transition_totals.iter().copied()).collect();
        let transitions =
            bridges(matrix.transitions.iter().map(String::as_str), &offers_naming, links.iter().map(|l| l.transition.as_deref()));
        Ok(ChainOverview { phases, offers, links, transitions })
    }
}
