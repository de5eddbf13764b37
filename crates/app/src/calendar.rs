//! Local time of the municipalities and the meetings of a body as an iCalendar feed (RFC 5545)
//! that calendar apps subscribe to with the body's secret link. Meetings are stored in local
//! time; the feed writes them in UTC, which every calendar reads without a VTIMEZONE block.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use kette_domain::{Clock, MunicipalityId};
use kette_store::MeetingSummary;
use time::PrimitiveDateTime;

use crate::{App, Result};

/// German municipalities keep German time.
pub const TIME_ZONE: chrono_tz::Tz = chrono_tz::Europe::Berlin;

fn naive(t: PrimitiveDateTime) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(t.year(), t.month() as u32, t.day() as u32)?.and_hms_opt(t.hour() as u32, t.minute() as u32, 0)
}

/// A local time in UTC: in the autumn hour that occurs twice the earlier one, in the spring
/// hour that does not exist the moment after the gap.
pub fn to_utc(t: PrimitiveDateTime) -> Option<chrono::DateTime<Utc>> {
    let local = naive(t)?;
    let zoned = TIME_ZONE.from_local_datetime(&local).earliest().or_else(|| {
        // inside the spring gap: the clock jumped an hour ahead
        TIME_ZONE.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest()
    })?;
    Some(zoned.with_timezone(&Utc))
}

/// The clock's moment as local time, to the minute.
pub fn local_now(clock: &Clock) -> PrimitiveDateTime {
    let now = clock.now();
    let local = Utc.timestamp_opt(now.unix_timestamp(), 0).single().map(|u| u.with_timezone(&TIME_ZONE).naive_local());
    let converted = local.and_then(|l| {
        use chrono::{Datelike, Timelike};
        let month = time::Month::try_from(l.month() as u8).ok()?;
        let date = time::Date::from_calendar_date(l.year(), month, l.day() as u8).ok()?;
        let at = time::Time::from_hms(l.hour() as u8, l.minute() as u8, 0).ok()?;
        Some(PrimitiveDateTime::new(date, at))
    });
    converted.unwrap_or_else(|| PrimitiveDateTime::new(now.date(), now.time()))
}

fn utc_of(stored: &str) -> Option<chrono::DateTime<Utc>> {
    chrono::DateTime::parse_from_rfc3339(stored).ok().map(|d| d.with_timezone(&Utc))
}

/// An empty published calendar of this name.
fn feed(name: &str) -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//kette//Praeventionskette//DE"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(name);
    calendar
}

/// The feed: one event per meeting, stable UIDs so an edited meeting moves in the calendar
/// instead of appearing twice, and the meeting page as its URL.
pub fn meetings_ics(body_name: &str, meetings: &[MeetingSummary], host: &str, base_url: &str) -> String {
    let mut calendar = feed(body_name);
    let base = base_url.trim_end_matches('/');
    for m in meetings {
        let (Some(starts), Some(ends)) = (to_utc(m.starts_at), to_utc(m.ends_at)) else { continue };
        let changed = utc_of(&m.updated_at).unwrap_or(starts);
        let mut event = Event::new();
        event
            .uid(&format!("meeting-{}@{host}", m.id))
            .timestamp(changed)
            .last_modified(changed)
            .starts(starts)
            .ends(ends)
            .summary(&format!("{} – {}", m.body_name, m.title));
        if !m.place.is_empty() {
            event.location(&m.place);
        }
        if !base.is_empty() {
            event.url(&format!("{base}/meetings/{}", m.id));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

impl App {
    /// The body's calendar feed when `token` is its secret, `None` for a wrong token or body.
    pub async fn body_calendar(
        &self,
        municipality: MunicipalityId,
        body: i64,
        token: &str,
        host: &str,
        base_url: &str,
    ) -> Result<Option<String>> {
        Ok(self
            .store
            .calendar_feed(municipality, body, token)
            .await?
            .map(|(name, meetings)| meetings_ics(&name, &meetings, host, base_url)))
    }
}

/// The network's events as a feed: one entry per event with a stable UID, its place and its
/// page. The caller decides which events go in (the public feed has the public ones only).
pub fn events_ics(calendar_name: &str, events: &[kette_store::StoredEvent], host: &str, base_url: &str) -> String {
    let mut calendar = feed(calendar_name);
    let base = base_url.trim_end_matches('/');
    for e in events {
        let (Some(starts), Some(ends)) = (to_utc(e.input.starts_at), to_utc(e.input.ends_at)) else { continue };
        let changed = utc_of(&e.updated_at).unwrap_or(starts);
        let mut event = Event::new();
        event
            .uid(&format!("event-{}@{host}", e.id))
            .timestamp(changed)
            .last_modified(changed)
            .starts(starts)
            .ends(ends)
            .summary(&e.input.title);
        if !e.input.place.is_empty() {
            event.location(&e.input.place);
        }
        if !e.input.description.is_empty() {
            event.description(&e.input.description);
        }
        if !base.is_empty() {
            event.url(&format!("{base}/events/{}", e.id));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn meeting(id: i64, title: &str, starts: PrimitiveDateTime, ends: PrimitiveDateTime) -> MeetingSummary {
        MeetingSummary {
            id,
            body_id: 1,
            body_name: "Steuerungsgruppe Präventionskette".into(),
            title: title.into(),
            starts_at: starts,
            ends_at: ends,
            place: "Rathaus, Raum 2.14; Eingang B".into(),
            has_minutes: false,
            decisions: 0,
            updated_at: "2026-12-01T08:00:00Z".into(),
        }
    }

    #[test]
    fn local_meeting_times_become_utc_across_summer_time() {
        assert_eq!(to_utc(datetime!(2026-12-10 15:00)).unwrap().to_rfc3339(), "2026-12-10T14:00:00+00:00");
        assert_eq!(to_utc(datetime!(2026-06-10 15:00)).unwrap().to_rfc3339(), "2026-06-10T13:00:00+00:00");
        // 2026-03-29 02:30 does not exist in Berlin; 2026-10-25 02:30 exists twice
        assert_eq!(to_utc(datetime!(2026-03-29 02:30)).unwrap().to_rfc3339(), "2026-03-29T01:30:00+00:00");
        assert_eq!(to_utc(datetime!(2026-10-25 02:30)).unwrap().to_rfc3339(), "2026-10-25T00:30:00+00:00");
        let clock = Clock::fixed(time::macros::datetime!(2026-07-01 10:05:30 UTC));
        assert_eq!(local_now(&clock), datetime!(2026-07-01 12:05));
    }

    #[test]
    fn the_feed_is_valid_rfc_5545() {
        let long =
            "Sitzung mit einem sehr langen Titel, der in einer Kalenderzeile keinen Platz hat: Übergänge Kita–Grundschule, Sprachförderung";
        let ics = meetings_ics(
            "Steuerungsgruppe Präventionskette",
            &[meeting(7, long, datetime!(2026-12-10 15:00), datetime!(2026-12-10 17:00))],
            "kette.example",
            "https://kette.example/",
        );
        // content lines end in CRLF and are folded at 75 octets
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
            assert!(!line.contains('\n'), "bare LF in {line:?}");
        }
        for needed in [
            "VERSION:2.0",
            "PRODID:-//kette//Praeventionskette//DE",
            "UID:meeting-7@kette.example",
            "DTSTART:20261210T140000Z",
            "DTEND:20261210T160000Z",
            "DTSTAMP:20261201T080000Z",
            "URL:https://kette.example/meetings/7",
        ] {
            assert!(ics.contains(needed), "{needed} missing in\n{ics}");
        }
        // text values are escaped (RFC 5545 3.3.11)
        assert!(ics.contains(r"LOCATION:Rathaus\, Raum 2.14\; Eingang B"), "{ics}");
        // and a parser reads it back whole
        let parsed: Calendar = ics.parse().expect("parses");
        let event = parsed.events().next().expect("one event");
        assert_eq!(event.get_summary(), Some(format!("Steuerungsgruppe Präventionskette – {long}").as_str()));
        assert_eq!(event.get_location(), Some("Rathaus, Raum 2.14; Eingang B"));
    }
}
