//! `kette demo`: build the Berlin demo database on first start, then serve it.

use super::*;

#[derive(Args)]
pub struct DemoArgs {
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Demo database file
    #[arg(long, env = "KETTE_DB", default_value = "./kette-demo.db")]
    pub db: String,
    /// Folder with the Berlin open data (defaults to the repository's data/berlin)
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Only build the database, do not serve
    #[arg(long)]
    pub no_serve: bool,
    #[command(flatten)]
    pub mail: MailArgs,
    #[command(flatten)]
    pub connections: ConnectionArgs,
}

pub async fn run(args: DemoArgs) -> Result<()> {
    let DemoArgs { addr, db, data, no_serve, mail, connections } = args;
    let store = crate::demo::open_or_build(&db, data.as_deref()).await?;
    if !no_serve {
        super::serve::serve(store, addr, false, &mail, &connections).await?;
    }
    Ok(())
}
