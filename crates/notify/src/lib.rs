//! Telling partners what needs their care: verification reminders, written through the
//! translation layer and delivered by the SMTP server the instance is configured with. Owns the
//! mail transport; what is due comes from the store, the date rules from the domain.

use kette_domain::review::Freshness;
use kette_domain::Municipality;
use kette_i18n::{FluentValue, I18n};
use kette_store::{ReminderTarget, Store, StoreError};
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use time::Date;

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(
        "mail server URL '{url}': {reason} (expected smtp://host:port, smtp://user:password@host:587?tls=required or smtps://host:465)"
    )]
    Url { url: String, reason: String },
    #[error("sender address '{0}' is not an e-mail address")]
    From(String),
    #[error("recipient address '{0}' is not an e-mail address")]
    To(String),
    #[error("mail server: {0}")]
    Transport(String),
    #[error("message: {0}")]
    Message(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The configured SMTP server and sender.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mailer(from {})", self.from)
    }
}

impl Mailer {
    /// `url`: `smtp://host:25` (plain, for a local relay), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://host:465` (TLS).
    pub fn new(url: &str, from: &str) -> Result<Self, NotifyError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| NotifyError::Url { url: redact(url), reason: e.to_string() })?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let from: Mailbox = from.parse().map_err(|_| NotifyError::From(from.to_string()))?;
        Ok(Mailer { transport, from })
    }

    /// One plain-text message to all `to` addresses.
    pub async fn send(&self, to: &[String], subject: &str, body: &str) -> Result<(), NotifyError> {
        let mut builder = Message::builder().from(self.from.clone()).subject(subject);
        for address in to {
            builder = builder.to(address.parse::<Mailbox>().map_err(|_| NotifyError::To(address.clone()))?);
        }
        let message = builder.header(ContentType::TEXT_PLAIN).body(body.to_string()).map_err(|e| NotifyError::Message(e.to_string()))?;
        self.transport.send(message).await.map_err(|e| NotifyError::Transport(e.to_string()))?;
        Ok(())
    }
}

/// A URL without its password, for messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…@{}", &url[..scheme], &url[at + 1..]),
        _ => url.to_string(),
    }
}

/// What one reminder run did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ReminderRun {
    /// Organisations whose partners got a message.
    pub sent: usize,
    /// Offers named in the sent messages.
    pub offers: usize,
    /// Organisations with due offers but no address to write to (their to-do list shows them).
    pub without_address: Vec<String>,
    /// Organisations whose message the mail server refused: (name, error).
    pub failed: Vec<(String, String)>,
    /// No mail server configured: nothing was sent or recorded.
    pub no_mailer: bool,
}

/// Reminds every organisation that has offers to verify and was not reminded within the
/// policy's interval. Every attempt is recorded, so a second run the same day sends nothing.
pub async fn send_reminders(
    store: &Store,
    mailer: Option<&Mailer>,
    i18n: &I18n,
    municipality: &Municipality,
    today: Date,
    base_url: &str,
) -> Result<ReminderRun, NotifyError> {
    let targets = store.reminder_targets(municipality.id, &municipality.review, today).await?;
    let mut run = ReminderRun::default();
    let Some(mailer) = mailer else {
        run.no_mailer = true;
        return Ok(run);
    };
    for target in targets {
        if target.recipients.is_empty() {
            store.record_reminder(municipality.id, target.organisation_id, &[], target.offers.len(), "no-address").await?;
            run.without_address.push(target.organisation_name.clone());
            continue;
        }
        let (subject, body) = reminder_text(i18n, kette_i18n::DEFAULT_LANG, municipality, &target, base_url);
        match mailer.send(&target.recipients, &subject, &body).await {
            Ok(()) => {
                store.record_reminder(municipality.id, target.organisation_id, &target.recipients, target.offers.len(), "sent").await?;
                run.sent += 1;
                run.offers += target.offers.len();
            }
            Err(e) => {
                tracing::warn!(organisation = target.organisation_id, error = %e, "reminder not delivered");
                store
                    .record_reminder(municipality.id, target.organisation_id, &target.recipients, target.offers.len(), &e.to_string())
                    .await?;
                run.failed.push((target.organisation_name.clone(), e.to_string()));
            }
        }
    }
    Ok(run)
}

/// Offers listed in one message; the rest are counted (the to-do list has them all).
const LISTED: usize = 40;

/// Subject and body of the reminder for one organisation.
pub fn reminder_text(i18n: &I18n, lang: &str, municipality: &Municipality, target: &ReminderTarget, base_url: &str) -> (String, String) {
    let n = target.offers.len() as i64;
    let subject = i18n.t_args(
        lang,
        "mail-reminder-subject",
        &[("count", FluentValue::from(n)), ("organisation", FluentValue::from(target.organisation_name.as_str()))],
    );
    let mut body = i18n.t_args(
        lang,
        "mail-reminder-intro",
        &[
            ("organisation", FluentValue::from(target.organisation_name.as_str())),
            ("municipality", FluentValue::from(municipality.name.as_str())),
            ("months", FluentValue::from(municipality.review.verify_every_months as i64)),
        ],
    );
    body.push_str("\n\n");
    for offer in target.offers.iter().take(LISTED) {
        let line = match offer.freshness {
            Freshness::Unverified => {
                i18n.t_args(lang, "mail-reminder-line-unverified", &[("title", FluentValue::from(offer.title.as_str()))])
            }
            Freshness::Lapsed { since } => i18n.t_args(
                lang,
                "mail-reminder-line-lapsed",
                &[("title", FluentValue::from(offer.title.as_str())), ("since", FluentValue::from(date_text(lang, since)))],
            ),
            Freshness::Due { hidden_on: Some(hidden), .. } => i18n.t_args(
                lang,
                "mail-reminder-line-hidden-on",
                &[
                    ("title", FluentValue::from(offer.title.as_str())),
                    ("verified", FluentValue::from(offer.last_verified_on.map(|d| date_text(lang, d)).unwrap_or_default())),
                    ("hidden", FluentValue::from(date_text(lang, hidden))),
                ],
            ),
            Freshness::Due { hidden_on: None, .. } | Freshness::Current { .. } => i18n.t_args(
                lang,
                "mail-reminder-line-due",
                &[
                    ("title", FluentValue::from(offer.title.as_str())),
                    ("verified", FluentValue::from(offer.last_verified_on.map(|d| date_text(lang, d)).unwrap_or_default())),
                ],
            ),
        };
        body.push_str("- ");
        body.push_str(&line);
        body.push('\n');
    }
    if target.offers.len() > LISTED {
        body.push_str(&i18n.t_args(lang, "mail-reminder-more", &[("count", FluentValue::from((target.offers.len() - LISTED) as i64))]));
        body.push('\n');
    }
    body.push('\n');
    body.push_str(&i18n.t_args(
        lang,
        "mail-reminder-action",
        &[("url", FluentValue::from(format!("{}/verification", base_url.trim_end_matches('/'))))],
    ));
    body.push_str("\n\n");
    body.push_str(&i18n.t(lang, "mail-reminder-footer"));
    body.push('\n');
    (subject, body)
}

/// What one run of deadline reminders did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TaskReminderRun {
    pub sent: usize,
    /// (task title, error) of messages the mail server refused; they are tried again next run.
    pub failed: Vec<(String, String)>,
    pub no_mailer: bool,
}

/// Reminds each owner of an open task with a deadline in the next three days, once per task.
pub async fn send_task_reminders(
    store: &Store,
    mailer: Option<&Mailer>,
    i18n: &I18n,
    municipality: &Municipality,
    today: Date,
    base_url: &str,
) -> Result<TaskReminderRun, NotifyError> {
    let mut run = TaskReminderRun::default();
    let Some(mailer) = mailer else {
        run.no_mailer = true;
        return Ok(run);
    };
    for reminder in store.due_task_reminders(municipality.id, today).await? {
        let (subject, body) = task_reminder_text(i18n, kette_i18n::DEFAULT_LANG, &reminder.task, base_url);
        match mailer.send(std::slice::from_ref(&reminder.email), &subject, &body).await {
            Ok(()) => {
                store.record_task_reminder(municipality.id, reminder.task.id, today).await?;
                run.sent += 1;
            }
            Err(e) => {
                tracing::warn!(task = reminder.task.id, error = %e, "task reminder not delivered");
                run.failed.push((reminder.task.title.clone(), e.to_string()));
            }
        }
    }
    Ok(run)
}

/// Subject and body of a deadline reminder.
pub fn task_reminder_text(i18n: &I18n, lang: &str, task: &kette_store::Task, base_url: &str) -> (String, String) {
    let args = [
        ("title", FluentValue::from(task.title.as_str())),
        ("body", FluentValue::from(task.body_name.as_str())),
        ("due", FluentValue::from(date_text(lang, task.due_on))),
        ("url", FluentValue::from(format!("{}/tasks", base_url.trim_end_matches('/')))),
    ];
    let subject = i18n.t_args(lang, "mail-task-subject", &args);
    let mut body = i18n.t_args(lang, "mail-task-body", &args);
    body.push_str("\n\n");
    body.push_str(&i18n.t(lang, "mail-task-footer"));
    body.push('\n');
    (subject, body)
}

/// What opening a survey round did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SurveyRun {
    pub round: Option<i64>,
    pub sent: usize,
    /// Addresses the mail server refused (their links are lost; nobody can use them).
    pub failed: Vec<(String, String)>,
    /// No mail server: no round was opened, since the links may only reach the partners by mail
    /// (handing them out by hand would let the sender know whose link is whose).
    pub no_mailer: bool,
}

/// Opens the self-assessment round of `year` and sends every address its own one-time link.
/// Each link exists in plain text only in its message; the store keeps its hash.
pub async fn send_survey_links(
    store: &Store,
    mailer: Option<&Mailer>,
    i18n: &I18n,
    municipality: &Municipality,
    year: i32,
    base_url: &str,
    by: Option<i64>,
) -> Result<SurveyRun, NotifyError> {
    let Some(mailer) = mailer else {
        return Ok(SurveyRun { no_mailer: true, ..Default::default() });
    };
    let addresses = store.survey_addresses(municipality.id).await?;
    let (round, tokens) = store.open_survey_round(municipality.id, year, addresses.len(), false, by).await?;
    let mut run = SurveyRun { round: Some(round), ..Default::default() };
    let lang = kette_i18n::DEFAULT_LANG;
    for (address, token) in addresses.iter().zip(tokens) {
        let url = format!("{}/survey/{token}", base_url.trim_end_matches('/'));
        let args = [
            ("municipality", FluentValue::from(municipality.name.as_str())),
            ("year", FluentValue::from(year.to_string())),
            ("url", FluentValue::from(url)),
        ];
        let subject = i18n.t_args(lang, "mail-survey-subject", &args);
        let body = format!("{}\n\n{}\n", i18n.t_args(lang, "mail-survey-body", &args), i18n.t(lang, "mail-survey-footer"));
        match mailer.send(std::slice::from_ref(address), &subject, &body).await {
            Ok(()) => run.sent += 1,
            Err(e) => run.failed.push((address.clone(), e.to_string())),
        }
    }
    Ok(run)
}

/// 01.09.2025 in German, 2025-09-01 elsewhere.
pub fn date_text(lang: &str, d: Date) -> String {
    if lang == "de" {
        format!("{:02}.{:02}.{}", d.day(), d.month() as u8, d.year())
    } else {
        format!("{}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kette_domain::review::ReviewPolicy;
    use kette_store::DueOffer;
    use time::macros::date;

    fn municipality() -> Municipality {
        Municipality {
            id: 1,
            slug: "x".into(),
            name: "Musterstadt".into(),
            attribution: String::new(),
            is_demo: false,
            review: ReviewPolicy::default(),
            confidentiality: Default::default(),
            navigator_service: Default::default(),
        }
    }

    fn due(title: &str, freshness: Freshness) -> DueOffer {
        DueOffer {
            id: 1,
            title: title.into(),
            organisation_id: 3,
            organisation_name: "Familienzentrum am Park".into(),
            last_verified_on: Some(date!(2025 - 09 - 01)),
            freshness,
        }
    }

    #[test]
    fn the_reminder_names_the_offers_their_dates_and_the_link() {
        let i18n = I18n::load();
        let target = ReminderTarget {
            organisation_id: 3,
            organisation_name: "Familienzentrum am Park".into(),
            recipients: vec!["a@example.org".into()],
            offers: vec![
                due("Krabbelgruppe", Freshness::Due { due_on: date!(2026 - 09 - 01), hidden_on: Some(date!(2026 - 11 - 30)) }),
                due("Elterncafé", Freshness::Lapsed { since: date!(2026 - 10 - 01) }),
            ],
        };
        let (subject, body) = reminder_text(&i18n, "de", &municipality(), &target, "https://kette.example/");
        assert!(subject.contains("2") && subject.contains("Familienzentrum am Park"), "{subject}");
        assert!(body.contains("Musterstadt") && body.contains("12 Monaten"), "{body}");
        assert!(body.contains("Krabbelgruppe") && body.contains("01.09.2025") && body.contains("30.11.2026"), "{body}");
        assert!(body.contains("Elterncafé") && body.contains("01.10.2026"), "{body}");
        assert!(body.contains("https://kette.example/verification"), "{body}");
    }

    #[test]
    fn long_lists_are_cut_and_counted() {
        let i18n = I18n::load();
        let offers = (0..45).map(|i| due(&format!("Angebot {i}"), Freshness::Unverified)).collect();
        let target = ReminderTarget { organisation_id: 3, organisation_name: "X".into(), recipients: vec![], offers };
        let (_, body) = reminder_text(&i18n, "de", &municipality(), &target, "http://h");
        assert!(body.contains("Angebot 39") && !body.contains("Angebot 40"), "{body}");
        assert!(body.contains("5 weitere"), "{body}");
    }

    #[test]
    fn the_task_reminder_names_task_body_deadline_and_link() {
        let i18n = I18n::load();
        let task = kette_store::Task {
            id: 4,
            body_id: 1,
            body_name: "AG Übergang Kita–Schule".into(),
            meeting_id: None,
            title: "Elternbrief entwerfen".into(),
            owner_member_id: Some(2),
            owner_name: Some("A. Yilmaz".into()),
            owner_organisation: None,
            due_on: date!(2026 - 12 - 10),
            status: kette_domain::bodies::TaskStatus::Open,
        };
        let (subject, body) = task_reminder_text(&i18n, "de", &task, "https://kette.example/");
        assert!(subject.contains("Elternbrief entwerfen") && subject.contains("10.12.2026"), "{subject}");
        assert!(body.contains("AG Übergang Kita–Schule") && body.contains("https://kette.example/tasks"), "{body}");
    }

    #[test]
    fn bad_configuration_is_named() {
        let e = Mailer::new("ftp://nowhere", "kette@example.org").expect_err("rejected").to_string();
        assert!(e.contains("ftp://nowhere") && e.contains("smtp://host:port"), "{e}");
        let e = Mailer::new("smtp://user:secret@localhost:2525", "kein mail").expect_err("rejected").to_string();
        assert!(e.contains("kein mail") && !e.contains("secret"), "{e}");
        assert_eq!(redact("smtp://user:secret@host:587"), "smtp://…@host:587");
    }
}
