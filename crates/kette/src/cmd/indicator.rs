//! `kette indicator`: the indicator catalogue.

use super::*;

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub enum IndicatorAction {
    /// Define an indicator (or update its definition)
    Add {
        #[command(flatten)]
        db: DbArg,
        /// Code used in tables and recipes, e.g. "child_poverty"
        code: String,
        #[arg(long)]
        name_de: String,
        #[arg(long)]
        name_en: Option<String>,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long, default_value = "%")]
        unit: String,
        /// higher_is_worse, higher_is_better or neutral
        #[arg(long, default_value = "higher_is_worse")]
        direction: String,
        #[arg(long, default_value = "")]
        source: String,
        #[arg(long, default_value = "")]
        licence: String,
        /// Rates with a smaller denominator are flagged
        #[arg(long)]
        min_denominator: Option<f64>,
        /// What the numerator counts
        #[arg(long, default_value = "")]
        numerator: String,
        /// What the denominator counts
        #[arg(long, default_value = "")]
        denominator: String,
        /// Release date of the source (YYYY-MM-DD)
        #[arg(long)]
        release_date: Option<String>,
        /// The level the indicator is published for, e.g. Planungsraum
        #[arg(long, default_value = "")]
        spatial_level: String,
        #[arg(long)]
        municipality: Option<String>,
    },
    /// List the indicator catalogue
    List {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        municipality: Option<String>,
    },
}

pub async fn run(action: IndicatorAction) -> Result<()> {
    match action {
        IndicatorAction::Add {
            db,
            code,
            name_de,
            name_en,
            description,
            unit,
            direction,
            source,
            licence,
            min_denominator,
            numerator,
            denominator,
            release_date,
            spatial_level,
            municipality: slug,
        } => {
            if let Some(d) = &release_date {
                if kette_ingest::offers_csv::parse_date(d).is_none() {
                    bail!(msg("cli-error-date", &[("value", d)]));
                }
            }
            let Some(direction) = kette_domain::Direction::parse(&direction) else {
                bail!(msg("cli-error-direction", &[("direction", &direction)]));
            };
            if !kette_domain::validate::is_term_code(&code) {
                bail!(msg("cli-error-indicator-code", &[("code", &code)]));
            }
            let store = Store::open(&db.db).await?;
            let m = municipality(&store, slug.as_deref()).await?;
            let def = kette_domain::IndicatorDef {
                name_en: name_en.unwrap_or_else(|| name_de.clone()),
                code: code.clone(),
                name_de,
                description,
                unit,
                direction,
                source,
                licence,
                min_denominator,
                meta: kette_domain::IndicatorMeta { numerator, denominator, release_date, spatial_level },
            };
            store.upsert_indicators(m.id, &[def]).await?;
            println!("{}", msg("cli-indicator-saved", &[("code", &code), ("municipality", &m.slug)]));
        }
        IndicatorAction::List { db, municipality: slug } => {
            let store = Store::open(&db.db).await?;
            let m = municipality(&store, slug.as_deref()).await?;
            for i in store.indicators(m.id).await? {
                println!("{}\t{}\t{}\t{}", i.def.code, i.def.unit, i.def.direction.as_str(), i.def.name_de);
            }
        }
    }
    Ok(())
}
