//! `kette municipality`: add, list and set the confidentiality of municipalities.

use super::*;

#[derive(Subcommand)]
pub enum MunicipalityAction {
    /// Create a municipality with the default vocabulary
    Add {
        #[command(flatten)]
        db: DbArg,
        /// Short name used in URLs and commands, e.g. "monheim"
        slug: String,
        /// Display name, e.g. "Monheim am Rhein"
        name: String,
    },
    /// List municipalities
    List {
        #[command(flatten)]
        db: DbArg,
    },
    /// Statistical confidentiality of public outputs: the smallest count shown and optional
    /// rounding of shown counts (pages, API, exports; planners always see raw values)
    Confidentiality {
        #[command(flatten)]
        db: DbArg,
        slug: String,
        /// Counts from 1 to this minus one are suppressed (default 3)
        #[arg(long, default_value_t = 3)]
        min_count: u64,
        /// Round every shown count to a multiple of this (e.g. 5); leave out for no rounding
        #[arg(long)]
        round_to: Option<u64>,
    },
}

pub async fn run(action: MunicipalityAction) -> Result<()> {
    match action {
        MunicipalityAction::Add { db, slug, name } => {
            let store = Store::open(&db.db).await?;
            let m = store.create_municipality(&slug, &name, "", false).await?;
            println!("{}", msg("cli-municipality-created", &[("name", &m.name), ("slug", &m.slug), ("id", &m.id)]));
        }
        MunicipalityAction::Confidentiality { db, slug, min_count, round_to } => {
            let store = Store::open(&db.db).await?;
            let m = store.municipality_by_slug(&slug).await?;
            let rules = kette_domain::privacy::Confidentiality { min_count, round_to };
            store.set_confidentiality(m.id, &rules, None).await?;
            let rounding = round_to.map(|b| b.to_string()).unwrap_or_else(|| "–".into());
            println!("{}", msg("cli-confidentiality-set", &[("slug", &m.slug), ("min", &min_count), ("round", &rounding)]));
        }
        MunicipalityAction::List { db } => {
            let store = Store::open(&db.db).await?;
            for m in store.municipalities().await? {
                println!("{}\t{}\t{}", m.id, m.slug, m.name);
            }
        }
    }
    Ok(())
}
