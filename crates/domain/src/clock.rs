//! The time every date rule is judged on. Nothing that decides an outcome by date (verification,
//! hiding, reminders, sessions, "last verified") reads the operating system's clock directly:
//! it asks a `Clock`, which the binary builds from the system and tests set and move by hand.
//! A test that fixes a date therefore agrees with every timestamp the code writes.

use std::sync::{Arc, Mutex};

use time::{Date, Duration, OffsetDateTime};

#[derive(Clone)]
pub struct Clock {
    source: Source,
}

#[derive(Clone)]
enum Source {
    System,
    /// A time set by hand: tests fix it and move it on.
    Manual(Arc<Mutex<OffsetDateTime>>),
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.source {
            Source::System => f.write_str("Clock::system"),
            Source::Manual(_) => write!(f, "Clock::fixed({})", self.now()),
        }
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl Clock {
    /// The operating system's clock in UTC: the only place kette reads it.
    pub fn system() -> Clock {
        Clock { source: Source::System }
    }

    /// A clock standing at `at` until it is set or advanced.
    pub fn fixed(at: OffsetDateTime) -> Clock {
        Clock { source: Source::Manual(Arc::new(Mutex::new(at))) }
    }

    /// A clock standing at midnight UTC of `day`.
    pub fn fixed_on(day: Date) -> Clock {
        Clock::fixed(day.midnight().assume_utc())
    }

    /// Moves a fixed clock (every copy of it); a system clock cannot be moved and ignores it.
    pub fn set(&self, at: OffsetDateTime) {
        if let Source::Manual(m) = &self.source {
            *m.lock().unwrap_or_else(|e| e.into_inner()) = at;
        }
    }

    pub fn advance(&self, by: Duration) {
        self.set(self.now() + by);
    }

    /// Whole seconds: stored timestamps compare as text, so they carry no fractions.
    pub fn now(&self) -> OffsetDateTime {
        let t = match &self.source {
            Source::System => OffsetDateTime::now_utc(),
            Source::Manual(m) => *m.lock().unwrap_or_else(|e| e.into_inner()),
        };
        t.replace_nanosecond(0).unwrap_or(t)
    }

    /// The calendar day (UTC) date rules are judged on.
    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// Seconds since 1970, for session expiry.
    pub fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    /// RFC 3339 ("2026-11-22T06:00:00Z"), the form timestamps are stored in.
    pub fn timestamp(&self) -> String {
        use time::format_description::well_known::Rfc3339;
        self.now().format(&Rfc3339).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_fixed_clock_stands_still_and_every_copy_moves_together() {
        let c = Clock::fixed(datetime!(2026-11-22 06:00:00.5 UTC));
        let copy = c.clone();
        assert_eq!(c.timestamp(), "2026-11-22T06:00:00Z");
        copy.advance(Duration::days(14));
        assert_eq!(c.today(), time::macros::date!(2026 - 12 - 06));
        assert_eq!(c.unix(), datetime!(2026-12-06 06:00:00 UTC).unix_timestamp());
    }

    #[test]
    fn the_system_clock_is_not_moved_by_hand() {
        let c = Clock::system();
        c.set(datetime!(1999-01-01 00:00 UTC));
        assert!(c.today().year() > 2000);
    }
}
