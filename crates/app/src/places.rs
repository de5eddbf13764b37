//! Places as a reader may see them: lists, maps and offer pages show only what
//! `Disclosure::place` admits (protected and unapproved places).

use kette_domain::disclosure::{Disclosure, PlaceView};
use kette_domain::{DistrictId, Location, MunicipalityId};
use kette_store::Page;

use crate::{App, Result};

/// Whether the reader sees this place.
pub fn visible(d: &Disclosure, l: &Location) -> bool {
    d.place(l.organisation_id, l.is_confidential, l.is_approved) == PlaceView::Full
}

/// Keeps the places the reader sees.
pub fn visible_only(d: &Disclosure, places: Vec<Location>) -> Vec<Location> {
    places.into_iter().filter(|l| visible(d, l)).collect()
}

impl App {
    /// The places in a district (or all) the reader may see, a page at a time.
    pub async fn places(
        &self,
        d: &Disclosure,
        municipality: MunicipalityId,
        district: Option<DistrictId>,
        page: u32,
        per_page: u32,
    ) -> Result<Page<Location>> {
        Ok(self.store.list_locations(municipality, district, &d.place_scope(), page, per_page).await?)
    }
}
