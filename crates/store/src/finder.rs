//! What the finder needs from the database: offers in bulk for the search index, translated
//! texts, the synonym list, a gazetteer from the directory's own addresses, and accessibility
//! feedback (the navigator's log is `navigator`).

use std::collections::HashMap;

use serde::Serialize;
use sqlx::Row;

use kette_domain::{AccountId, DistrictId, MunicipalityId, Offer, OfferId, TermKind};

use crate::offers::{input_from_row, location_from_row, summary_from_row};
use crate::{util, OfferSummary, Result, Store, StoreError};

/// Language code of Leichte Sprache (plain German) texts.
pub const EASY_GERMAN: &str = "de-x-ls";

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct OfferTranslation {
    pub language: String,
    pub title: String,
    pub description: String,
}

/// An offer with everything the search index needs.
#[derive(Debug, Clone)]
pub struct IndexedOffer {
    pub offer: Offer,
    pub summary: OfferSummary,
    pub translations: Vec<OfferTranslation>,
    /// Districts of the offer's places with all their ancestors.
    pub district_ids: Vec<DistrictId>,
    /// Names of those districts (searchable: "Moabit" finds offers there).
    pub district_names: Vec<String>,
    pub eff_min_age_months: Option<u32>,
    pub eff_max_age_months: Option<u32>,
    pub sort_key: String,
}

/// A point the finder can measure distances from, found in the directory's own addresses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnownPlace {
    pub label: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Feedback {
    pub id: i64,
    pub created_at: String,
    pub page: String,
    pub topic: String,
    pub message: String,
    pub handled_at: Option<String>,
}

impl Store {
    /// Offers for the search index: all of the municipality, or only `only`.
    pub async fn offers_for_index(&self, municipality: MunicipalityId, only: Option<&[OfferId]>) -> Result<Vec<IndexedOffer>> {
        let restrict = |col: &str| match only {
            Some([]) => " AND 1 = 0".to_string(),
            Some(ids) => format!(" AND {col} IN ({})", ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")),
            None => String::new(),
        };
        let offer_rows = sqlx::query(&format!(
            "SELECT o.*, org.name AS organisation_name, NULL AS district_name, NULL AS street
             FROM offer o JOIN organisation org ON org.id = o.organisation_id WHERE o.municipality_id = $1{}",
            restrict("o.id")
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;

        let mut terms: HashMap<OfferId, Vec<(TermKind, String)>> = HashMap::new();
        for r in sqlx::query(&format!(
            "SELECT t.offer_id, t.kind, t.code FROM offer_term t JOIN offer o ON o.id = t.offer_id WHERE o.municipality_id = $1{} ORDER BY t.code",
            restrict("o.id")
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(kind) = TermKind::parse(&r.try_get::<String, _>("kind")?) {
                terms.entry(r.try_get("offer_id")?).or_default().push((kind, r.try_get("code")?));
            }
        }
        let mut languages: HashMap<OfferId, Vec<String>> = HashMap::new();
        for r in sqlx::query(&format!(
            "SELECT l.offer_id, l.language FROM offer_language l JOIN offer o ON o.id = l.offer_id WHERE o.municipality_id = $1{} ORDER BY l.language",
            restrict("o.id")
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?
        {
            languages.entry(r.try_get("offer_id")?).or_default().push(r.try_get("language")?);
        }
        let mut translations: HashMap<OfferId, Vec<OfferTranslation>> = HashMap::new();
        for r in sqlx::query(&format!(
            "SELECT t.* FROM offer_translation t JOIN offer o ON o.id = t.offer_id WHERE o.municipality_id = $1{} ORDER BY t.language",
            restrict("o.id")
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?
        {
            translations.entry(r.try_get("offer_id")?).or_default().push(OfferTranslation {
                language: r.try_get("language")?,
                title: r.try_get("title")?,
                description: r.try_get("description")?,
            });
        }
        let mut locations: HashMap<OfferId, Vec<kette_domain::Location>> = HashMap::new();
        for r in sqlx::query(&format!(
            "SELECT ol.offer_id, l.* FROM offer_location ol JOIN location l ON l.id = ol.location_id JOIN offer o ON o.id = ol.offer_id
             WHERE o.municipality_id = $1{} ORDER BY l.id",
            restrict("o.id")
        ))
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?
        {
            locations.entry(r.try_get("offer_id")?).or_default().push(location_from_row(&r)?);
        }
        let mut districts: HashMap<DistrictId, (Option<DistrictId>, String)> = HashMap::new();
        for r in sqlx::query("SELECT id, parent_id, name FROM district WHERE municipality_id = $1")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?
        {
            districts.insert(r.try_get("id")?, (r.try_get("parent_id")?, r.try_get("name")?));
        }

        let mut out = Vec::with_capacity(offer_rows.len());
        for r in &offer_rows {
            let id: OfferId = r.try_get("id")?;
            let offer_terms = terms.remove(&id).unwrap_or_default();
            let locs = locations.remove(&id).unwrap_or_default();
            let input = input_from_row(r, &offer_terms, languages.remove(&id).unwrap_or_default(), locs.iter().map(|l| l.id).collect())?;
            let mut district_ids = Vec::new();
            let mut district_names = Vec::new();
            for l in &locs {
                let mut next = l.district_id;
                // the hierarchy is a tree; the bound guards against a corrupted cycle
                for _ in 0..16 {
                    let Some(d) = next else { break };
                    if !district_ids.contains(&d) {
                        district_ids.push(d);
                        if let Some((_, name)) = districts.get(&d) {
                            district_names.push(name.clone());
                        }
                    }
                    next = districts.get(&d).and_then(|(p, _)| *p);
                }
            }
            let mut summary = summary_from_row(r)?;
            summary.life_phases = input.life_phases.clone();
            summary.domains = input.domains.clone();
            summary.languages = input.languages.clone();
            summary.district_name = locs.first().and_then(|l| l.district_id).and_then(|d| districts.get(&d)).map(|(_, n)| n.clone());
            summary.street = locs.iter().find(|l| !l.is_confidential).map(|l| l.street.clone());
            let opt = |col: &str| -> Result<Option<u32>> { Ok(r.try_get::<Option<i64>, _>(col)?.map(|v| v as u32)) };
            out.push(IndexedOffer {
                eff_min_age_months: opt("eff_min_age_months")?,
                eff_max_age_months: opt("eff_max_age_months")?,
                sort_key: r.try_get("sort_key")?,
                offer: Offer {
                    id,
                    organisation_name: r.try_get("organisation_name")?,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                    created_at: r.try_get("created_at")?,
                    updated_at: r.try_get("updated_at")?,
                    approval: crate::util::approval(r)?,
                    input,
                    locations: locs,
                },
                summary,
                translations: translations.remove(&id).unwrap_or_default(),
                district_ids,
                district_names,
            });
        }
        Ok(out)
    }

    /// Ids of an organisation's offers (to re-index them when its places change).
    /// All offers of the municipality, in id order.
    pub async fn offer_ids(&self, municipality: MunicipalityId) -> Result<Vec<OfferId>> {
        Ok(sqlx::query_scalar("SELECT id FROM offer WHERE municipality_id = $1 ORDER BY id")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn offer_ids_of_organisation(&self, municipality: MunicipalityId, organisation: i64) -> Result<Vec<OfferId>> {
        Ok(sqlx::query_scalar("SELECT id FROM offer WHERE municipality_id = $1 AND organisation_id = $2")
            .bind(municipality)
            .bind(organisation)
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn offer_translations(&self, municipality: MunicipalityId, offer: OfferId) -> Result<Vec<OfferTranslation>> {
        let rows = sqlx::query(
            "SELECT t.* FROM offer_translation t JOIN offer o ON o.id = t.offer_id WHERE o.municipality_id = $1 AND t.offer_id = $2
             ORDER BY t.language",
        )
        .bind(municipality)
        .bind(offer)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OfferTranslation {
                    language: r.try_get("language")?,
                    title: r.try_get("title")?,
                    description: r.try_get("description")?,
                })
            })
            .collect()
    }

    /// Replaces the offer's translations (an empty title removes that language).
    pub async fn set_offer_translations(
        &self,
        municipality: MunicipalityId,
        offer: OfferId,
        translations: &[OfferTranslation],
        by: Option<AccountId>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        write_translations(&mut tx, municipality, offer, translations).await?;
        let langs: Vec<&str> = translations.iter().filter(|t| !t.title.trim().is_empty()).map(|t| t.language.as_str()).collect();
        util::audit(&mut tx, &self.clock, municipality, by, "translate", "offer", Some(offer), &langs.join(", ")).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }

    /// (id, title, description) of every offer, for bulk work such as seeding translations.
    pub async fn offer_texts(&self, municipality: MunicipalityId) -> Result<Vec<(OfferId, String, String)>> {
        let rows = sqlx::query("SELECT id, title, description FROM offer WHERE municipality_id = $1 ORDER BY id")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("title")?, r.try_get("description")?))).collect()
    }

    /// Adds or replaces translations of many offers in one transaction.
    pub async fn add_offer_translations(
        &self,
        municipality: MunicipalityId,
        items: &[(OfferId, OfferTranslation)],
        by: Option<AccountId>,
    ) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        for (offer, t) in items {
            sqlx::query(
                "INSERT INTO offer_translation (offer_id, language, title, description)
                 SELECT id, $2, $3, $4 FROM offer WHERE id = $1 AND municipality_id = $5
                 ON CONFLICT (offer_id, language) DO UPDATE SET title = excluded.title, description = excluded.description",
            )
            .bind(offer)
            .bind(&t.language)
            .bind(&t.title)
            .bind(&t.description)
            .bind(municipality)
            .execute(&mut *tx)
            .await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, "translate", "offers", None, &format!("{} texts", items.len())).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(items.len())
    }

    pub async fn internal_note(&self, municipality: MunicipalityId, offer: OfferId) -> Result<String> {
        Ok(sqlx::query_scalar("SELECT internal_note FROM offer WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(offer)
            .fetch_optional(&self.pool)
            .await?
            .unwrap_or_default())
    }

    pub async fn set_internal_note(&self, municipality: MunicipalityId, offer: OfferId, note: &str, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE offer SET internal_note = $1 WHERE id = $2 AND municipality_id = $3")
            .bind(note.trim())
            .bind(offer)
            .bind(municipality)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound(format!("offer {offer}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, "note", "offer", Some(offer), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Synonym groups, each a comma-separated list of phrases.
    pub async fn synonym_groups(&self, municipality: MunicipalityId) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT phrases FROM search_synonym WHERE municipality_id = $1 ORDER BY id")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn set_synonym_groups(&self, municipality: MunicipalityId, groups: &[String], by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM search_synonym WHERE municipality_id = $1").bind(municipality).execute(&mut *tx).await?;
        for g in groups.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
            sqlx::query("INSERT INTO search_synonym (municipality_id, phrases) VALUES ($1, $2)")
                .bind(municipality)
                .bind(g)
                .execute(&mut *tx)
                .await?;
        }
        util::audit(&mut tx, &self.clock, municipality, by, "update", "synonyms", None, &format!("{} groups", groups.len())).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Finds a postcode or street among the directory's public addresses and returns the centre
    /// of the places there. No outside geocoder: nothing a family types leaves the server.
    pub async fn known_place(&self, municipality: MunicipalityId, text: &str) -> Result<Option<KnownPlace>> {
        let text = text.trim();
        if text.is_empty() || text.len() > 200 {
            return Ok(None);
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 5 && text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) {
            let r = sqlx::query(
                "SELECT AVG(lat) AS lat, AVG(lon) AS lon, COUNT(*) AS n FROM location
                 WHERE municipality_id = $1 AND postcode = $2 AND is_confidential = 0 AND approval = 'approved' AND lat IS NOT NULL",
            )
            .bind(municipality)
            .bind(&digits)
            .fetch_one(&self.pool)
            .await?;
            if r.try_get::<i64, _>("n")? > 0 {
                return Ok(Some(KnownPlace { label: digits, lat: r.try_get("lat")?, lon: r.try_get("lon")? }));
            }
            return Ok(None);
        }
        // a street, possibly with a house number: compare without the number, folded
        let street = without_house_number(text);
        let wanted = street_key(&street);
        if wanted.len() < 3 {
            return Ok(None);
        }
        let rows = sqlx::query(
            "SELECT street, lat, lon FROM location WHERE municipality_id = $1 AND is_confidential = 0 AND approval = 'approved' AND lat IS NOT NULL AND street <> ''",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let (mut lat, mut lon, mut n, mut label) = (0.0, 0.0, 0usize, String::new());
        for r in rows {
            let s: String = r.try_get("street")?;
            let name = without_house_number(&s);
            if street_key(&name) == wanted {
                lat += r.try_get::<f64, _>("lat")?;
                lon += r.try_get::<f64, _>("lon")?;
                n += 1;
                if label.is_empty() {
                    label = name.trim().to_string();
                }
            }
        }
        Ok((n > 0).then(|| KnownPlace { label, lat: lat / n as f64, lon: lon / n as f64 }))
    }

    pub async fn add_feedback(&self, municipality: MunicipalityId, page: &str, topic: &str, message: &str) -> Result<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO feedback (municipality_id, created_at, page, topic, message) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(municipality)
        .bind(self.clock.timestamp())
        .bind(page.chars().take(300).collect::<String>())
        .bind(topic)
        .bind(message.trim())
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    pub async fn feedback(&self, municipality: MunicipalityId) -> Result<Vec<Feedback>> {
        let rows = sqlx::query("SELECT * FROM feedback WHERE municipality_id = $1 ORDER BY id DESC LIMIT 500")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Feedback {
                    id: r.try_get("id")?,
                    created_at: r.try_get("created_at")?,
                    page: r.try_get("page")?,
                    topic: r.try_get("topic")?,
                    message: r.try_get("message")?,
                    handled_at: r.try_get("handled_at")?,
                })
            })
            .collect()
    }
}

/// "Müllerstraße 12a" → "Müllerstraße": trailing words with digits are house numbers.
fn without_house_number(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()) || w.chars().all(|c| !c.is_alphanumeric()))
    {
        words.pop();
    }
    words.join(" ")
}

/// "Müllerstraße", "Muellerstr.", "mullerstrasse" → one key.
fn street_key(s: &str) -> String {
    let mut k = util::sort_key(s.trim()).replace(['.', ' ', '-'], "");
    for (long, short) in [("strasse", "str"), ("ue", "u"), ("ae", "a"), ("oe", "o")] {
        k = k.replace(long, short);
    }
    k
}

/// Replaces an offer's translations inside the caller's transaction (empty titles drop a language).
pub(crate) async fn write_translations(
    conn: &mut sqlx::AnyConnection,
    municipality: MunicipalityId,
    offer: OfferId,
    translations: &[OfferTranslation],
) -> Result<()> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM offer WHERE id = $1 AND municipality_id = $2")
        .bind(offer)
        .bind(municipality)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Err(StoreError::NotFound(format!("offer {offer}")));
    }
    sqlx::query("DELETE FROM offer_translation WHERE offer_id = $1").bind(offer).execute(&mut *conn).await?;
    for t in translations.iter().filter(|t| !t.title.trim().is_empty()) {
        sqlx::query("INSERT INTO offer_translation (offer_id, language, title, description) VALUES ($1, $2, $3, $4)")
            .bind(offer)
            .bind(&t.language)
            .bind(t.title.trim())
            .bind(t.description.trim())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::street_key;

    #[test]
    fn street_spellings_meet() {
        assert_eq!(street_key("Müllerstraße"), street_key("Muellerstr."));
        assert_eq!(street_key("Karl-Marx-Allee"), street_key("karl marx allee"));
        assert_eq!(super::without_house_number("Müllerstraße 12a"), "Müllerstraße");
        assert_eq!(super::without_house_number("Straße 17. Juni 4 - 6"), "Straße 17. Juni");
    }
}
