//! Verification reminders from the running server: on demand from the verification page and
//! once an hour in the background. The interval per organisation comes from the review policy,
//! so the hourly run sends each partner at most one message per interval.

use std::time::Duration;

use kette_domain::Municipality;
use kette_notify::{NotifyError, ReminderRun};

use crate::AppState;

pub async fn run_once(state: &AppState, municipality: &Municipality) -> Result<ReminderRun, NotifyError> {
    kette_notify::send_reminders(
        &state.store,
        state.config.mailer.as_ref(),
        &state.i18n,
        municipality,
        state.store.today(),
        &state.config.public_url,
    )
    .await
}

/// Deadline reminders to the owners of the bodies' tasks.
pub async fn run_tasks_once(state: &AppState, municipality: &Municipality) -> Result<kette_notify::TaskReminderRun, NotifyError> {
    kette_notify::send_task_reminders(
        &state.store,
        state.config.mailer.as_ref(),
        &state.i18n,
        municipality,
        state.store.today(),
        &state.config.public_url,
    )
    .await
}

/// Starts the hourly run when a mail server is configured (without one, partners see their
/// to-do list only).
pub fn spawn_hourly(state: AppState) {
    if state.config.mailer.is_none() {
        return;
    }
    tokio::spawn(async move {
        // a moment for the server to settle, then every hour
        tokio::time::sleep(Duration::from_secs(2)).await;
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let municipalities = match state.store.municipalities().await {
                Ok(m) => m,
                Err(e) => {
                    tracing::warn!(error = %e, "reminder run: municipalities unreadable");
                    continue;
                }
            };
            for m in municipalities {
                match run_once(&state, &m).await {
                    Ok(run) if run.sent + run.failed.len() + run.without_address.len() > 0 => tracing::info!(
                        municipality = m.id,
                        sent = run.sent,
                        offers = run.offers,
                        failed = run.failed.len(),
                        without_address = run.without_address.len(),
                        "verification reminders"
                    ),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(municipality = m.id, error = %e, "reminder run failed"),
                }
                match run_tasks_once(&state, &m).await {
                    Ok(run) if run.sent + run.failed.len() > 0 => {
                        tracing::info!(municipality = m.id, sent = run.sent, failed = run.failed.len(), "task deadline reminders")
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(municipality = m.id, error = %e, "task reminder run failed"),
                }
            }
        }
    });
}
