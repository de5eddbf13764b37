//! The navigator's log as each reader may see it (issue 16): contacts counted by month,
//! district, life phase, transition, topic, offer and outcome, every table through the
//! confidentiality rule (small counts withheld, and protected against subtraction from the
//! total) unless the reader sees raw statistics.

use time::Date;

use kette_domain::disclosure::Disclosure;
use kette_domain::navigator::ContactDimension;
use kette_domain::privacy::PublicCount;
use kette_domain::MunicipalityId;

use crate::{App, Result};

pub struct ContactTable {
    pub dimension: ContactDimension,
    /// (code, German label where the store has one, count as shown)
    pub rows: Vec<(String, String, PublicCount)>,
}

pub struct ContactStatistics {
    pub from: Date,
    pub to: Date,
    pub total: PublicCount,
    pub tables: Vec<ContactTable>,
}

impl App {
    pub async fn contact_statistics(&self, reader: &Disclosure, m: MunicipalityId, from: Date, to: Date) -> Result<ContactStatistics> {
        let mut tables = vec![];
        let mut total = PublicCount::Shown(0);
        for dimension in ContactDimension::ALL {
            let (keys, sealed) = self.store.contact_counts(m, dimension, from, to).await?;
            let (shown, sum) = reader.sealed_counts(sealed);
            total = sum;
            let mut rows: Vec<(String, String, PublicCount)> = keys.into_iter().zip(shown).map(|((k, l), n)| (k, l, n)).collect();
            if dimension == ContactDimension::Month {
                rows.sort_by(|a, b| b.0.cmp(&a.0));
            }
            tables.push(ContactTable { dimension, rows });
        }
        Ok(ContactStatistics { from, to, total, tables })
    }
}
