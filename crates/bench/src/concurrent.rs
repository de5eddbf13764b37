//! Many editors at once beside a busy public finder (issue 11): `editors` coordinators save
//! offers through the API as fast as the server lets them, for `seconds`, while a fixed
//! `rate` of public searches per second arrives on its own schedule. Counts failed saves and
//! lost edits (an acknowledged title that is not what the offer says at the end) and reports
//! the latency percentiles of both. Search latency is measured from the moment each search was
//! due, so a stalled server cannot hide behind a slowed client (no coordinated omission).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

const OFFERS_PER_EDITOR: usize = 5;

/// The fields of an offer as `PUT /api/v1/offers/{id}` takes them, from its `GET` answer.
fn writable(offer: &serde_json::Value) -> serde_json::Value {
    let mut body = serde_json::Map::new();
    for key in [
        "organisation_id",
        "title",
        "description",
        "life_phases",
        "domains",
        "target_groups",
        "transitions",
        "languages",
        "min_age_months",
        "max_age_months",
        "prevention_level",
        "cost",
        "access",
        "schedule",
        "capacity",
        "reach_per_year",
        "funding",
        "status",
        "last_verified_on",
        "contact_email",
        "contact_phone",
        "website",
    ] {
        if let Some(v) = offer.get(key).filter(|v| !v.is_null()) {
            body.insert(key.into(), v.clone());
        }
    }
    let locations: Vec<serde_json::Value> =
        offer["locations"].as_array().map(|l| l.iter().map(|l| l["id"].clone()).collect()).unwrap_or_default();
    body.insert("location_ids".into(), locations.into());
    body.into()
}

fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    Some(page[start..start + page[start..].find('"')?].to_string())
}

/// A signed-in coordinator: the session cookie and the session's CSRF token.
pub(crate) fn sign_in(base: &str, username: &str, password: &str) -> Result<(String, String)> {
    let agent = ureq::AgentBuilder::new().redirects(0).timeout(Duration::from_secs(30)).build();
    let login = agent.get(&format!("{base}/login")).call()?;
    let cookie = login.header("set-cookie").and_then(|c| c.split(';').next()).unwrap_or_default().to_string();
    let csrf = hidden(&login.into_string()?, "csrf").context("no CSRF field on the sign-in page")?;
    let answer = match agent.post(&format!("{base}/login")).set("Cookie", &cookie).send_form(&[
        ("csrf", &csrf),
        ("username", username),
        ("password", password),
        ("next", "/"),
    ]) {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return Err(e.into()),
    };
    let session = answer
        .all("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("kette_session="))
        .and_then(|c| c.split(';').next())
        .context("sign-in gave no session")?
        .to_string();
    let page = agent.get(&format!("{base}/offers")).set("Cookie", &session).call()?.into_string()?;
    let token = hidden(&page, "csrf").context("no CSRF token on a signed-in page")?;
    Ok((session, token))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub struct Outcome {
    pub saves: usize,
    pub failed_saves: usize,
    pub lost_edits: usize,
    pub edit_ms: [f64; 3],
    pub searches: usize,
    pub failed_searches: usize,
    pub search_ms: [f64; 3],
    pub achieved_rate: f64,
}

pub fn run(base: &str, password: &str, editors: usize, seconds: u64, rate: u32) -> Result<Outcome> {
    let reader = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
    let list: serde_json::Value = serde_json::from_str(&reader.get(&format!("{base}/api/v1/offers?per_page=500")).call()?.into_string()?)?;
    let ids: Vec<i64> = list["items"].as_array().context("offer list")?.iter().filter_map(|o| o["id"].as_i64()).collect();
    if ids.len() < editors * OFFERS_PER_EDITOR {
        bail!("the demo has {} offers; {} editors need {}", ids.len(), editors, editors * OFFERS_PER_EDITOR);
    }
    // the server builds its search catalogue after start: the measurement begins once it serves
    reader.get(&format!("{base}/api/v1/offers?q=Kita")).call()?;
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);

    // the public: searches due at fixed times, spread over a few client threads
    let searches = [
        "/api/v1/offers?age=3&per_page=20",
        "/api/v1/offers?q=Kita&per_page=20",
        "/api/v1/offers?q=Beratung&age=1&per_page=20",
        "/api/v1/offers?life_phase=primary&per_page=20",
        "/api/v1/offers?q=Familienzentrum&per_page=20",
    ];
    let clients = 8usize;
    let interval = Duration::from_secs_f64(1.0 / rate as f64);
    let total = (seconds as f64 * rate as f64) as usize;
    let public: Vec<_> = (0..clients)
        .map(|c| {
            let base = base.to_string();
            std::thread::spawn(move || -> (Vec<f64>, usize) {
                let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
                let (mut times, mut failed) = (Vec::with_capacity(total / clients + 1), 0);
                for i in (c..total).step_by(clients) {
                    let due = started + interval * i as u32;
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    let url = format!("{base}{}", searches[i % searches.len()]);
                    let answered = agent.get(&url).call().ok().and_then(|r| r.into_string().ok());
                    match answered {
                        Some(_) => times.push(due.elapsed().as_secs_f64() * 1000.0),
                        None => failed += 1,
                    }
                }
                (times, failed)
            })
        })
        .collect();

    // the editors: each saves its own offers in turn, as fast as answers come
    let sessions: Vec<(String, String)> = (0..editors).map(|_| sign_in(base, "koordination", password)).collect::<Result<_>>()?;
    let workers: Vec<_> = sessions
        .into_iter()
        .enumerate()
        .map(|(e, (session, csrf))| {
            let base = base.to_string();
            let mine: Vec<i64> = ids[e * OFFERS_PER_EDITOR..(e + 1) * OFFERS_PER_EDITOR].to_vec();
            let stop = stop.clone();
            std::thread::spawn(move || -> Result<(Vec<f64>, usize, Vec<(i64, String)>)> {
                let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
                let mut bodies = vec![];
                for id in &mine {
                    let offer: serde_json::Value = serde_json::from_str(
                        &agent.get(&format!("{base}/api/v1/offers/{id}")).set("Cookie", &session).call()?.into_string()?,
                    )?;
                    bodies.push(writable(&offer));
                }
                let (mut times, mut failed) = (vec![], 0);
                let mut acknowledged: Vec<(i64, String)> = mine.iter().map(|id| (*id, String::new())).collect();
                let mut n = 0usize;
                while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                    let k = n % mine.len();
                    let title = format!("Bearbeitung {n} von Redaktion {e}");
                    bodies[k]["title"] = title.clone().into();
                    let t = Instant::now();
                    let answer = agent
                        .put(&format!("{base}/api/v1/offers/{}", mine[k]))
                        .set("Cookie", &session)
                        .set("X-CSRF-Token", &csrf)
                        .set("Content-Type", "application/json")
                        .send_string(&bodies[k].to_string());
                    match answer {
                        Ok(r) if r.status() == 200 => {
                            times.push(t.elapsed().as_secs_f64() * 1000.0);
                            acknowledged[k].1 = title;
                        }
                        Ok(_) | Err(_) => failed += 1,
                    }
                    n += 1;
                }
                Ok((times, failed, acknowledged))
            })
        })
        .collect();

    let (mut edit_times, mut failed_saves, mut expected) = (vec![], 0, vec![]);
    for w in workers {
        let (times, failed, acknowledged) = w.join().map_err(|_| anyhow::anyhow!("an editor thread panicked"))??;
        edit_times.extend(times);
        failed_saves += failed;
        expected.extend(acknowledged);
    }
    stop.store(true, Ordering::Relaxed);
    let (mut search_times, mut failed_searches) = (vec![], 0);
    for p in public {
        let (times, failed) = p.join().map_err(|_| anyhow::anyhow!("a search thread panicked"))?;
        search_times.extend(times);
        failed_searches += failed;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let (session, _) = sign_in(base, "koordination", password)?;
    let mut lost_edits = 0;
    for (id, title) in &expected {
        let offer: serde_json::Value =
            serde_json::from_str(&reader.get(&format!("{base}/api/v1/offers/{id}")).set("Cookie", &session).call()?.into_string()?)?;
        if !title.is_empty() && offer["title"].as_str() != Some(title) {
            lost_edits += 1;
        }
    }
    edit_times.sort_by(|a, b| a.total_cmp(b));
    search_times.sort_by(|a, b| a.total_cmp(b));
    Ok(Outcome {
        saves: edit_times.len(),
        failed_saves,
        lost_edits,
        edit_ms: [percentile(&edit_times, 0.5), percentile(&edit_times, 0.99), edit_times.last().copied().unwrap_or(f64::NAN)],
        searches: search_times.len(),
        failed_searches,
        search_ms: [percentile(&search_times, 0.5), percentile(&search_times, 0.99), search_times.last().copied().unwrap_or(f64::NAN)],
        achieved_rate: search_times.len() as f64 / elapsed,
    })
}
