//! Numbers, dates and times in the reader's locale, from the Unicode CLDR data that ICU4X
//! compiles in: "4.871" in German and Turkish, "4,871" in English, "4 871" in Ukrainian;
//! "01.09.2025", "1 Sep 2025", "1 Eyl 2025". No format is written by hand.

use icu_datetime::fieldsets::{T, YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;

/// The formatters of one UI language.
pub struct Formats {
    decimal: DecimalFormatter,
    date: DateTimeFormatter<YMD>,
    date_time: DateTimeFormatter<YMDT>,
    time_of_day: NoCalendarFormatter<T>,
}

impl Formats {
    /// Formatters for a language code; CLDR data for every UI language is compiled in, so a
    /// failure is a build defect.
    pub fn new(lang: &str) -> Self {
        let locale: Locale = lang.parse().unwrap_or_else(|_| panic!("locale {lang}"));
        Formats {
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).unwrap_or_else(|e| panic!("{lang}: {e:?}")),
            date: DateTimeFormatter::try_new((&locale).into(), YMD::medium()).unwrap_or_else(|e| panic!("{lang}: {e:?}")),
            date_time: DateTimeFormatter::try_new((&locale).into(), YMD::medium().with_time_hm())
                .unwrap_or_else(|e| panic!("{lang}: {e:?}")),
            time_of_day: NoCalendarFormatter::try_new((&locale).into(), T::short().with_time_precision(TimePrecision::Minute))
                .unwrap_or_else(|e| panic!("{lang}: {e:?}")),
        }
    }

    /// A local time of day to the minute ("15:00").
    pub fn time_of_day(&self, t: time::Time) -> String {
        match Time::try_new(t.hour(), t.minute(), 0, 0) {
            Ok(t) => self.time_of_day.format(&t).to_string(),
            Err(_) => format!("{:02}:{:02}", t.hour(), t.minute()),
        }
    }

    /// A local date and time, without zone (meetings are in the municipality's own time).
    pub fn local(&self, t: time::PrimitiveDateTime) -> String {
        match (iso(t.date()), Time::try_new(t.hour(), t.minute(), 0, 0)) {
            (Some(date), Ok(time)) => self.date_time.format(&DateTime { date, time }).to_string(),
            _ => t.to_string(),
        }
    }

    /// A whole number with the locale's digits and grouping.
    pub fn integer(&self, n: i64) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }

    /// A number rounded to `digits` places after the decimal separator, trailing zeros kept
    /// (tables line up: "38,400").
    pub fn fixed(&self, x: f64, digits: u8) -> String {
        self.decimal.format(&decimal(x, digits)).to_string()
    }

    /// A number rounded to at most `digits` places, trailing zeros dropped ("1,2", "2").
    pub fn short(&self, x: f64, digits: u8) -> String {
        let mut d = decimal(x, digits);
        d.absolute.trim_end();
        self.decimal.format(&d).to_string()
    }

    pub fn date(&self, date: time::Date) -> String {
        match iso(date) {
            Some(d) => self.date.format(&d).to_string(),
            None => date.to_string(),
        }
    }

    /// A moment, given as RFC 3339 text (as the store keeps it), in UTC with the zone named;
    /// text that is not such a moment is returned as it is.
    pub fn timestamp(&self, text: &str) -> String {
        let Ok(t) = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339) else { return text.to_string() };
        let t = t.to_offset(time::UtcOffset::UTC);
        let (Some(date), Ok(time)) = (iso(t.date()), Time::try_new(t.hour(), t.minute(), t.second(), 0)) else { return text.to_string() };
        format!("{} UTC", self.date_time.format(&DateTime { date, time }))
    }
}

/// A phone number as people read it and as a `tel:` link, by libphonenumber's rules for the
/// country (numbers without a country code are German): "030/231 25-100" becomes
/// "030 23125100" and "tel:+49-30-23125100". Text that is no valid number stays as it was, its
/// link keeping digits and a leading +.
pub fn phone(text: &str) -> (String, String) {
    match phonenumber::parse(Some(phonenumber::country::Id::DE), text.trim()) {
        Ok(n) if phonenumber::is_valid(&n) => {
            let mode = if n.code().value() == 49 { phonenumber::Mode::National } else { phonenumber::Mode::International };
            (n.format().mode(mode).to_string(), n.format().mode(phonenumber::Mode::Rfc3966).to_string())
        }
        _ => {
            let digits: String = text.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            (text.trim().to_string(), format!("tel:{digits}"))
        }
    }
}

fn iso(date: time::Date) -> Option<Date<icu_calendar::Iso>> {
    Date::try_new_iso(date.year(), date.month() as u8, date.day()).ok()
}

/// `x` rounded half away from zero to `digits` places, as an exact decimal.
fn decimal(x: f64, digits: u8) -> Decimal {
    let scale = 10f64.powi(digits as i32);
    let scaled = (x * scale).round();
    let mut d = if scaled.is_finite() && scaled.abs() < 9.0e15 { Decimal::from(scaled as i64) } else { Decimal::from(0) };
    d.multiply_pow10(-(digits as i16));
    d.absolute.pad_end(-(digits as i16));
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(Formats::new("de").integer(4871), "4.871");
        assert_eq!(Formats::new("en").integer(4871), "4,871");
        assert_eq!(Formats::new("tr").integer(4871), "4.871");
        assert_eq!(Formats::new("de").fixed(38.4, 3), "38,400");
        assert_eq!(Formats::new("de").short(1.25, 1), "1,3");
        assert_eq!(Formats::new("de").short(2.0, 1), "2");
        assert_eq!(Formats::new("en").short(-0.5, 2), "-0.5");
        // CLDR's Arabic (no region) writes Latin digits, as the addresses on the same page do
        assert_eq!(Formats::new("ar").integer(4871), "4,871");
        assert_eq!(Formats::new("ar").short(1.25, 1), "1.3");
        assert_eq!(Formats::new("uk").integer(4871), "4\u{a0}871");
    }

    #[test]
    fn phone_numbers_are_written_one_way() {
        assert_eq!(phone("030/231 25-100"), ("030 23125100".to_string(), "tel:+49-30-23125100".to_string()));
        assert_eq!(phone("+90 212 555 12 12").1, "tel:+90-212-555-12-12");
        assert_eq!(phone("ruf an"), ("ruf an".to_string(), "tel:".to_string()));
    }

    #[test]
    fn dates_and_moments_follow_the_locale() {
        let de = Formats::new("de");
        assert_eq!(de.date(date!(2025 - 09 - 01)), "01.09.2025");
        assert!(Formats::new("en").date(date!(2025 - 09 - 01)).contains("Sep"));
        assert!(de.timestamp("2026-12-01T07:27:18Z").starts_with("01.12.2026"), "{}", de.timestamp("2026-12-01T07:27:18Z"));
        assert!(de.timestamp("2026-12-01T07:27:18Z").contains("07:27"));
        assert_eq!(de.timestamp("gestern"), "gestern");
        let meeting = time::macros::datetime!(2026-12-10 15:00);
        assert_eq!(de.local(meeting), "10.12.2026, 15:00");
        assert_eq!(de.time_of_day(meeting.time()), "15:00");
        assert!(Formats::new("en").time_of_day(meeting.time()).contains("3:00"), "{}", Formats::new("en").time_of_day(meeting.time()));
    }
}
