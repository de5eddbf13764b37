//! `kette remind`: send due verification reminders now.

use super::*;

#[derive(Args)]
pub struct RemindArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Municipality slug (default: all)
    #[arg(long)]
    pub municipality: Option<String>,
    #[command(flatten)]
    pub mail: MailArgs,
}

pub async fn run(args: RemindArgs) -> Result<()> {
    let RemindArgs { db, municipality: slug, mail } = args;
    let Some(mailer) = mail.mailer()? else {
        bail!(msg("cli-remind-no-mailer", &[]));
    };
    let store = Store::open(&db.db).await?;
    let municipalities = match slug {
        Some(s) => vec![municipality(&store, Some(&s)).await?],
        None => store.municipalities().await?,
    };
    let base = mail.public_url.clone().unwrap_or_default();
    let i18n = kette_i18n::I18n::load();
    for m in municipalities {
        let run = kette_notify::send_reminders(&store, Some(&mailer), &i18n, &m, store.today(), &base).await?;
        println!(
            "{}",
            msg(
                "cli-reminded",
                &[
                    ("municipality", &m.slug),
                    ("sent", &run.sent),
                    ("offers", &run.offers),
                    ("noaddr", &run.without_address.len()),
                    ("failed", &run.failed.len())
                ]
            )
        );
        for (org, error) in &run.failed {
            eprintln!("  {org}: {error}");
        }
        let tasks = kette_notify::send_task_reminders(&store, Some(&mailer), &i18n, &m, store.today(), &base).await?;
        println!("{}", msg("cli-reminded-tasks", &[("municipality", &m.slug), ("sent", &tasks.sent), ("failed", &tasks.failed.len())]));
        for (task, error) in &tasks.failed {
            eprintln!("  {task}: {error}");
        }
    }
    Ok(())
}
