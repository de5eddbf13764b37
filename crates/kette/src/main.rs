//! The `kette` binary: the command table. Each command lives in `cmd/`, calls the use cases of
//! `kette-app` (or the store) and prints in the user's language. `anyhow` lives here only, at
//! the edge.

mod cmd;
mod demo;
mod demo_steering;
mod demo_texts;

use anyhow::Result;
use clap::{Parser, Subcommand};

pub use cmd::msg;

#[derive(Parser)]
#[command(name = "kette", version, about = "kette – the municipal prevention chain platform")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
enum Command {
    /// Build the Berlin demo database on first start, then serve it
    Demo(cmd::demo::DemoArgs),
    /// Serve an existing database
    Serve(cmd::serve::ServeArgs),
    /// Send verification reminders now (the server also does this every hour when it has a mail server)
    Remind(cmd::remind::RemindArgs),
    /// Manage municipalities
    Municipality {
        #[command(subcommand)]
        action: cmd::municipality::MunicipalityAction,
    },
    /// Manage accounts
    User {
        #[command(subcommand)]
        action: cmd::user::UserAction,
    },
    /// Import data files
    Import {
        #[command(subcommand)]
        what: cmd::import::ImportWhat,
    },
    /// The indicator catalogue
    Indicator {
        #[command(subcommand)]
        action: cmd::indicator::IndicatorAction,
    },
    /// Crosswalk between two boundary versions from polygon overlap
    Crosswalk(cmd::crosswalk::CrosswalkArgs),
    /// Export data files
    Export {
        #[command(subcommand)]
        what: cmd::export::ExportWhat,
    },
    /// Composite indices from declarative recipes
    Index {
        #[command(subcommand)]
        action: cmd::index::IndexAction,
    },
    /// The cooperation network: export for Gephi and spreadsheets, metrics of any GraphML graph
    Network {
        #[command(subcommand)]
        action: cmd::network::NetworkAction,
    },
    /// Walking and cycling reach: distances from homes to offers over an OpenStreetMap street network
    Reach {
        #[command(subcommand)]
        action: cmd::reach::ReachAction,
    },
}

/// The search serves many small allocations from several threads; glibc's allocator spent a
/// seventh of the search benchmark's time in `malloc` (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the same index in its v2 and v3 headers).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // A server gives freed memory back at once instead of after a delay that only runs out when
    // the freeing thread allocates again: threads that built the search catalogue at the start
    // go idle and kept 50–60 MB of it (idle RSS of the Berlin demo 160 MB, 101 MB with this; no
    // slower pages in the benchmark). A batch command keeps it for a second: an index run that
    // frees and allocates columns of a hundred thousand rows otherwise spent half its time
    // faulting the same pages in again (0.37 s → 0.22 s, see BENCHMARKS.md).
    // MIMALLOC_PURGE_DELAY in the environment still wins.
    let serving = matches!(std::env::args().nth(1).as_deref(), Some("serve" | "demo"));
    // SAFETY: sets a plain integer option of the allocator; valid at any time.
    #[allow(unsafe_code)]
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, if serving { 0 } else { 1000 })
    };
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // every line bounded: a message quoting hostile input stays readable
            let text = format!("Error: {error:?}");
            let lines: Vec<&str> = text.lines().collect();
            for line in lines.iter().take(MAX_ERROR_LINES) {
                eprintln!("{}", kette_text::bounded_message(line));
            }
            if lines.len() > MAX_ERROR_LINES {
                eprintln!("… [+{}]", lines.len() - MAX_ERROR_LINES);
            }
            std::process::ExitCode::FAILURE
        }
    }
}

/// More problems than this are counted, not listed, on the terminal.
const MAX_ERROR_LINES: usize = 500;

async fn run() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("KETTE_LOG").unwrap_or_else(|_| "warn,kette=info".into()))
        .with_writer(std::io::stderr)
        // colour codes only for a terminal, never into a log file
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match Cli::parse().command {
        Command::Demo(args) => cmd::demo::run(args).await,
        Command::Serve(args) => cmd::serve::run(args).await,
        Command::Remind(args) => cmd::remind::run(args).await,
        Command::Municipality { action } => cmd::municipality::run(action).await,
        Command::User { action } => cmd::user::run(action).await,
        Command::Import { what } => cmd::import::run(what).await,
        Command::Indicator { action } => cmd::indicator::run(action).await,
        Command::Crosswalk(args) => cmd::crosswalk::run(args).await,
        Command::Export { what } => cmd::export::run(what).await,
        Command::Index { action } => cmd::index::run(action).await,
        Command::Network { action } => cmd::network::run(action).await,
        Command::Reach { action } => cmd::reach::run(action).await,
    }
}
