//! `kette serve`: serve an existing database over HTTP until stopped.

use super::*;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Mark cookies Secure (when served over HTTPS)
    #[arg(long)]
    pub secure_cookies: bool,
    #[command(flatten)]
    pub mail: MailArgs,
    #[command(flatten)]
    pub connections: ConnectionArgs,
}

pub async fn run(args: ServeArgs) -> Result<()> {
    let ServeArgs { db, addr, secure_cookies, mail, connections } = args;
    let store = Store::open(&db.db).await?;
    serve(store, addr, secure_cookies, &mail, &connections).await?;
    Ok(())
}

pub async fn serve(store: Store, addr: SocketAddr, secure_cookies: bool, mail: &MailArgs, connections: &ConnectionArgs) -> Result<()> {
    let mailer = mail.mailer()?;
    let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    let public_url = mail.public_url.clone().unwrap_or_else(|| format!("http://{local}"));
    let state = kette_web::AppState::new(
        store,
        kette_web::WebConfig { secure_cookies, mailer, public_url, connection_limits: connections.limits() },
    );
    println!("{}", msg("cli-listening", &[("url", &format!("http://{local}"))]));
    use std::io::Write;
    std::io::stdout().flush()?;
    kette_web::serve(listener, state, shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
