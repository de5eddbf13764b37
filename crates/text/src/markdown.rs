//! Minutes and other long texts are Markdown (CommonMark with tables, strikethrough and task
//! lists). Nothing in them may run or load anything in a reader's browser: raw HTML and links
//! other than web, mail and phone addresses are refused when the text is saved (`check`, which
//! names the line), and `to_html` writes them as plain text should one ever reach it. Images
//! become links, so a minute never loads a file from elsewhere.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What `check` refuses, with the line (1-based) it stands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsafe {
    /// Raw HTML such as `<script>` or `<img onerror=…>`.
    Html { line: usize, excerpt: String },
    /// A link or image whose address is not http(s), mailto or tel (e.g. `javascript:`).
    Link { line: usize, address: String },
}

impl Unsafe {
    pub fn line(&self) -> usize {
        match self {
            Unsafe::Html { line, .. } | Unsafe::Link { line, .. } => *line,
        }
    }
}

impl std::fmt::Display for Unsafe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unsafe::Html { line, excerpt } => write!(f, "line {line}: HTML is not taken ({excerpt}); write Markdown"),
            Unsafe::Link { line, address } => {
                write!(f, "line {line}: the link '{address}' is not a web, mail or phone address")
            }
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Web, mail and phone addresses, and addresses within the site (`/…`, `#…`, relative).
pub fn is_safe_address(address: &str) -> bool {
    let a = address.trim().to_ascii_lowercase();
    let scheme_end = a.find(':');
    let path_start = a.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(slash)) if slash < colon => true,
        (Some(colon), _) => matches!(&a[..colon], "http" | "https" | "mailto" | "tel"),
        (None, _) => true,
    }
}

/// Every piece of raw HTML and every unsafe link, in text order.
pub fn check(text: &str) -> Vec<Unsafe> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let mut found = vec![];
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let excerpt: String = html.trim().chars().take(40).collect();
                // a block of HTML comes as several events; name each line once
                let line = line_of(range.start);
                if !found.iter().any(|u: &Unsafe| matches!(u, Unsafe::Html { line: l, .. } if *l == line)) {
                    found.push(Unsafe::Html { line, excerpt });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) if !is_safe_address(&dest_url) => {
                found.push(Unsafe::Link { line: line_of(range.start), address: dest_url.chars().take(60).collect() });
            }
            _ => {}
        }
    }
    found
}

fn shifted(level: HeadingLevel) -> HeadingLevel {
    // the page has its h1 and h2; a minute's "# Beschlüsse" is a sub-heading of it
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// HTML of a Markdown text that is safe to put into a page: raw HTML shows as text, unsafe
/// links as their words, images as links to them, headings below the page's own.
pub fn to_html(text: &str) -> String {
    // per open link or image: whether its start was kept (its end must match)
    let mut kept: Vec<bool> = vec![];
    let events = Parser::new_ext(text, options()).filter_map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Some(Event::Start(Tag::Heading { level: shifted(level), id, classes, attrs }))
        }
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shifted(level)))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let safe = is_safe_address(&dest_url);
            kept.push(safe);
            safe.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let safe = is_safe_address(&dest_url);
            kept.push(safe);
            safe.then_some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => kept.pop().unwrap_or(false).then_some(Event::End(TagEnd::Link)),
        other => Some(other),
    });
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_event_handlers_are_named_by_line_and_never_written() {
        let text = "# Protokoll\n\nTOP 1: Begrüßung\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)> weiter\n";
        let found = check(text);
        assert_eq!(found.iter().map(Unsafe::line).collect::<Vec<_>>(), vec![4, 6], "{found:?}");
        assert!(found[0].to_string().contains("<script>"), "{}", found[0]);
        let html = to_html(text);
        assert!(!html.contains("<script") && html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<img") && html.contains("&lt;img"), "{html}");
        assert!(html.contains("<h3>Protokoll</h3>"), "{html}");
    }

    #[test]
    fn only_web_mail_and_phone_links_stay_links() {
        let text = "[Klick](javascript:alert(1)) [Bericht](https://example.org/b.pdf) [Mail](mailto:a@b.de) ![Bild](http://tracker.example/x.png) [x](JaVaScRiPt:void) [intern](/steering#goals)";
        let found = check(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(matches!(&found[0], Unsafe::Link { address, .. } if address.starts_with("javascript:")));
        let html = to_html(text);
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(html.contains("Klick") && html.contains(r#"<a href="https://example.org/b.pdf">Bericht</a>"#), "{html}");
        assert!(html.contains(r#"<a href="http://tracker.example/x.png">Bild</a>"#) && !html.contains("<img"), "{html}");
        assert!(html.contains(r#"<a href="/steering#goals">intern</a>"#), "{html}");
    }

    #[test]
    fn ordinary_minutes_pass_and_render() {
        let text = "## Beschlüsse\n\n1. Die AG **Übergang Kita–Schule** legt bis März einen Vorschlag vor.\n2. 3 < 5 und a & b bleiben Text.\n\n| Wer | Was |\n|---|---|\n| Jugendamt | Einladung |\n\n- [x] erledigt\n";
        assert_eq!(check(text), vec![]);
        let html = to_html(text);
        assert!(html.contains("<h4>Beschlüsse</h4>") && html.contains("<strong>Übergang Kita–Schule</strong>"), "{html}");
        assert!(html.contains("3 &lt; 5 und a &amp; b") && html.contains("<table>"), "{html}");
    }
}
