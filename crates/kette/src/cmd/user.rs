//! `kette user`: accounts.

use super::*;
use kette_store::StoreError;

#[derive(Subcommand)]
pub enum UserAction {
    /// Create an account. The password comes from --password, KETTE_PASSWORD or standard input.
    Add {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        username: String,
        /// admin, coordinator, planner, partner_editor, navigator or viewer
        #[arg(long)]
        role: String,
        #[arg(long)]
        name: Option<String>,
        /// Organisation id (required for partner_editor)
        #[arg(long)]
        organisation: Option<i64>,
        /// Where verification reminders go (partner editors)
        #[arg(long)]
        email: Option<String>,
        #[arg(long, env = "KETTE_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Municipality slug (default: the first one)
        #[arg(long)]
        municipality: Option<String>,
    },
    /// List accounts
    List {
        #[command(flatten)]
        db: DbArg,
        #[arg(long)]
        municipality: Option<String>,
    },
}

pub async fn run(action: UserAction) -> Result<()> {
    match action {
        UserAction::Add { db, username, role, name, organisation, email, password, municipality: slug } => {
            let Some(role) = Role::parse(&role) else {
                bail!(msg("cli-error-unknown-role", &[("role", &role)]));
            };
            if let Some(e) = email.as_deref().filter(|e| !kette_domain::validate::looks_like_email(e)) {
                bail!(msg("cli-error-email", &[("email", &e)]));
            }
            let store = Store::open(&db.db).await?;
            let m = municipality(&store, slug.as_deref()).await?;
            if let Some(org) = organisation {
                store
                    .organisation(m.id, org)
                    .await
                    .with_context(|| msg("cli-error-no-organisation", &[("id", &org), ("municipality", &m.slug)]))?;
            }
            let password = match password {
                Some(p) => p,
                None => {
                    eprintln!("{}", msg("cli-password-prompt", &[("username", &username)]));
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_string()
                }
            };
            let id = store
                .create_account(NewAccount {
                    municipality_id: m.id,
                    username: &username,
                    display_name: name.as_deref().unwrap_or(&username),
                    password: &password,
                    role,
                    organisation_id: organisation,
                    is_fictional: false,
                })
                .await
                .map_err(|e| match e {
                    StoreError::WeakPassword(problem) => {
                        anyhow::anyhow!(msg("cli-error-password", &[("username", &username), ("reason", &msg(problem.message_key(), &[]))]))
                    }
                    other => other.into(),
                })?;
            if let Some(e) = email {
                store.set_account_email(m.id, id, &e).await?;
            }
            println!("{}", msg("cli-account-created", &[("username", &username), ("role", &role.as_str()), ("id", &id)]));
        }
        UserAction::List { db, municipality: slug } => {
            let store = Store::open(&db.db).await?;
            let m = municipality(&store, slug.as_deref()).await?;
            for a in store.accounts(m.id).await? {
                println!("{}\t{}\t{}\t{}", a.id, a.username, a.role.as_str(), a.organisation_id.map(|o| o.to_string()).unwrap_or_default());
            }
        }
    }
    Ok(())
}
