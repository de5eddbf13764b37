//! The connection loop: how long a client may take and how many connections it may hold.
//!
//! A client that opens connections and then sends nothing (or a byte a minute) would otherwise
//! hold a socket and a task for good; enough of them exhaust the server (slowloris). So the
//! server closes a connection that has not sent a complete request head within
//! `header_read_timeout` — this covers idle keep-alive connections too, because the wait for the
//! next request's head starts the clock again — and a request whose body stalls for
//! `body_read_timeout`; it holds at most `max_connections` at once (more wait in the kernel's
//! backlog) and at most `max_connections_per_client` from one address (more are closed at once).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tower::ServiceExt;

#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    pub header_read_timeout: Duration,
    pub body_read_timeout: Duration,
    pub max_connections: usize,
    pub max_connections_per_client: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            // a phone on a bad line sends a request head in well under a second
            header_read_timeout: Duration::from_secs(10),
            // the largest upload (20 MB) over a slow line, with room
            body_read_timeout: Duration::from_secs(120),
            max_connections: 4096,
            // a browser opens six; an office behind one NAT address a few dozen people
            max_connections_per_client: 256,
        }
    }
}

/// Connections open per client address; a guard gives its place back when the connection ends.
#[derive(Default, Clone)]
struct OpenPerClient(Arc<Mutex<HashMap<IpAddr, usize>>>);

struct ClientSlot {
    open: OpenPerClient,
    ip: IpAddr,
}

impl OpenPerClient {
    fn take(&self, ip: IpAddr, max: usize) -> Option<ClientSlot> {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(ip).or_insert(0);
        if *count >= max {
            return None;
        }
        *count += 1;
        Some(ClientSlot { open: self.clone(), ip })
    }
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut open = self.open.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets open requests finish.
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    limits: ConnectionLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = router.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(limits.body_read_timeout));
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let per_client = OpenPerClient::default();
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout).keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, addr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // out of file descriptors and the like: wait a moment instead of spinning
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = per_client.take(addr.ip(), limits.max_connections_per_client) else {
            tracing::debug!(client = %addr.ip(), "too many connections from one address; closed");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone().map_request(move |mut request: axum::extract::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(addr));
            request.map(axum::body::Body::new)
        });
        let service = TowerToHyperService::new(service);
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // errors here are clients going away or timing out; nothing to answer
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, client = %addr, "connection ended");
            }
            drop(slot);
            drop(permit);
        });
    }
    drop(listener);
    // open requests get a while to finish; then the process ends anyway
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(Duration::from_secs(30)) => tracing::warn!("connections still open after 30 s; closing"),
    }
    Ok(())
}
