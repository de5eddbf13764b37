//! The commands of the `kette` binary, one file each, and what they share: the database and
//! mail arguments, messages in the user's language, file reading.

pub mod crosswalk;
pub mod demo;
pub mod export;
pub mod import;
pub mod index;
pub mod indicator;
pub mod municipality;
pub mod network;
pub mod reach;
pub mod remind;
pub mod serve;
pub mod user;

pub(crate) use std::net::SocketAddr;
pub(crate) use std::path::{Path, PathBuf};

pub(crate) use anyhow::{bail, Context, Result};
pub(crate) use clap::{Args, Subcommand};
pub(crate) use kette_domain::Role;
pub(crate) use kette_i18n::FluentValue;
pub(crate) use kette_ingest::geojson_districts::DistrictFileSpec;
pub(crate) use kette_store::{NewAccount, Store};

#[derive(Args, Clone)]
pub struct DbArg {
    /// SQLite database file (later also a PostgreSQL URL)
    #[arg(long, env = "KETTE_DB", default_value = "./kette.db")]
    pub db: String,
}

/// Where verification reminders go out.
#[derive(Args, Clone)]
pub struct MailArgs {
    /// SMTP server for reminders: smtp://host:25, smtp://user:password@host:587?tls=required or
    /// smtps://host:465. Without it no e-mail is sent; partners see their to-do list.
    #[arg(long, env = "KETTE_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of reminders
    #[arg(long, env = "KETTE_MAIL_FROM", default_value = "kette <kette@localhost>")]
    pub mail_from: String,
    /// The address people reach this server at, for links in e-mails (default: the listening address)
    #[arg(long, env = "KETTE_PUBLIC_URL")]
    pub public_url: Option<String>,
}

/// How long clients may take and how many connections they may hold (against slow clients).
#[derive(Args, Clone)]
pub struct ConnectionArgs {
    /// Close a connection that has not sent a complete request head (or a next one) within this many seconds
    #[arg(long, default_value_t = 10)]
    pub header_timeout_secs: u64,
    /// Fail a request whose body stalls for this many seconds
    #[arg(long, default_value_t = 120)]
    pub body_timeout_secs: u64,
    /// Connections served at once; more wait
    #[arg(long, default_value_t = 4096)]
    pub max_connections: usize,
    /// Connections one client address may hold at once; more are closed (raise it behind a reverse proxy)
    #[arg(long, default_value_t = 256)]
    pub max_connections_per_client: usize,
}

impl ConnectionArgs {
    pub fn limits(&self) -> kette_web::server::ConnectionLimits {
        kette_web::server::ConnectionLimits {
            header_read_timeout: std::time::Duration::from_secs(self.header_timeout_secs.max(1)),
            body_read_timeout: std::time::Duration::from_secs(self.body_timeout_secs.max(1)),
            max_connections: self.max_connections.max(1),
            max_connections_per_client: self.max_connections_per_client.max(1),
        }
    }
}

impl MailArgs {
    pub fn mailer(&self) -> Result<Option<kette_notify::Mailer>> {
        self.smtp_url.as_deref().map(|url| kette_notify::Mailer::new(url, &self.mail_from)).transpose().map_err(Into::into)
    }
}

/// A command-line message in the user's language (`KETTE_LANG`, `LANG`, default German).
pub fn msg(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    static I18N: std::sync::OnceLock<kette_i18n::I18n> = std::sync::OnceLock::new();
    let i18n = I18N.get_or_init(kette_i18n::I18n::load);
    let args: Vec<(&str, FluentValue)> = args.iter().map(|(k, v)| (*k, FluentValue::from(v.to_string()))).collect();
    i18n.t_args(kette_i18n::cli_language(), key, &args)
}

pub async fn municipality(store: &Store, slug: Option<&str>) -> Result<kette_domain::Municipality> {
    match slug {
        Some(s) => Ok(store.municipality_by_slug(s).await?),
        None => store.municipalities().await?.into_iter().next().with_context(|| msg("cli-error-no-municipality", &[])),
    }
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes `out` through a file beside it (`out` with `partial_extension`) that is renamed at
/// the end, so a failure never leaves half a file; `write` returns how many rows it wrote.
pub fn write_beside(
    out: &Path,
    partial_extension: &str,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<usize>,
) -> Result<usize> {
    use std::io::Write;
    let tmp = out.with_extension(partial_extension);
    let file = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    let mut writer = std::io::BufWriter::with_capacity(1 << 20, file);
    let rows =
        write(&mut writer).and_then(|rows| writer.flush().map(|_| rows)).with_context(|| format!("cannot write {}", tmp.display()))?;
    drop(writer);
    std::fs::rename(&tmp, out).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(rows)
}

/// A whole text written the same way.
pub fn write_text_beside(out: &Path, partial_extension: &str, text: &str) -> Result<()> {
    use std::io::Write;
    write_beside(out, partial_extension, |w| w.write_all(text.as_bytes()).map(|_| 0))?;
    Ok(())
}

pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

pub fn is_zip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}
