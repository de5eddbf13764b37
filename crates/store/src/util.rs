use kette_domain::Clock;
use sqlx::AnyConnection;
use time::Date;

const DATE: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!("[year]-[month]-[day]");

pub fn date_to_text(d: Date) -> String {
    d.format(DATE).unwrap_or_default()
}

pub fn text_to_date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| Date::parse(&s, DATE).ok())
}

/// Lower-cased text for the simple substring search; Rust's lowercasing handles umlauts, which
/// SQLite's LOWER does not.
pub fn search_text(parts: &[&str]) -> String {
    parts.iter().filter(|p| !p.is_empty()).map(|p| p.to_lowercase()).collect::<Vec<_>>().join(" \u{1f} ")
}

/// `$start, $start+1, …` for an IN list of `n` values.
pub fn placeholders(start: usize, n: usize) -> String {
    (start..start + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

pub async fn audit(
    conn: &mut AnyConnection,
    clock: &Clock,
    municipality: i64,
    account: Option<i64>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> crate::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (municipality_id, account_id, at, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(municipality)
    .bind(account)
    .bind(clock.timestamp())
    .bind(action)
    .bind(entity)
    .bind(entity_id)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the municipality's offer data as changed (see `municipality.generation`).
pub async fn bump(conn: &mut AnyConnection, municipality: i64) -> crate::Result<()> {
    sqlx::query("UPDATE municipality SET generation = generation + 1 WHERE id = $1").bind(municipality).execute(conn).await?;
    Ok(())
}

/// Key for German alphabetical order (DIN 5007-1): case-insensitive, umlauts as their base
/// letter, ß as ss, leading quotes and punctuation ignored.
pub fn sort_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'à' | 'á' | 'â' => out.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' => out.push('e'),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces an organisation's contact persons (inside the caller's transaction).
pub async fn replace_contacts(conn: &mut AnyConnection, organisation: i64, contacts: &[kette_domain::ContactPerson]) -> crate::Result<()> {
    sqlx::query("DELETE FROM contact_person WHERE organisation_id = $1").bind(organisation).execute(&mut *conn).await?;
    for c in contacts {
        sqlx::query("INSERT INTO contact_person (organisation_id, name, role, email, phone) VALUES ($1, $2, $3, $4, $5)")
            .bind(organisation)
            .bind(&c.name)
            .bind(&c.role)
            .bind(&c.email)
            .bind(&c.phone)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The `approval` column of an offer row.
pub fn approval(r: &sqlx::any::AnyRow) -> crate::Result<kette_domain::review::Approval> {
    use sqlx::Row;
    let s: String = r.try_get("approval")?;
    kette_domain::review::Approval::parse(&s)
        .ok_or_else(|| crate::StoreError::Conflict(format!("stored approval '{s}' is not known to this version")))
}

/// The SQL twin of `Disclosure::place`: a condition on the location alias `l` with three
/// parameters from `$first` on, bound by `bind_place_scope` in the same order.
pub fn place_clause(first: usize) -> String {
    format!(
        "(l.organisation_id = ${} OR ((l.approval = 'approved' OR ${} = 1) AND (l.is_confidential = 0 OR ${} = 1)))",
        first,
        first + 1,
        first + 2
    )
}

pub fn bind_place_scope<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    scope: &kette_domain::disclosure::PlaceScope,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(scope.own_organisation.unwrap_or(-1)).bind(scope.all_unapproved as i64).bind(scope.all_protected as i64)
}

/// Whether row `id` of `table` is the municipality's: links a record names are checked with it,
/// inside the writing transaction where there is one. `table` is a name written in the code.
pub async fn belongs(conn: &mut AnyConnection, municipality: i64, table: &str, id: i64) -> crate::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1 AND municipality_id = $2"))
        .bind(id)
        .bind(municipality)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// Marks the municipality's figures as changed (see `municipality.stats_generation`).
pub async fn bump_stats(conn: &mut AnyConnection, municipality: i64) -> crate::Result<()> {
    sqlx::query("UPDATE municipality SET stats_generation = stats_generation + 1 WHERE id = $1").bind(municipality).execute(conn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_keys_follow_german_order() {
        let mut names = vec!["Zwerge", "\"Mosaik\"", "Ärztehaus", "abc", "Öko-Kita", "Straße"];
        names.sort_by_key(|n| super::sort_key(n));
        assert_eq!(names, vec!["abc", "Ärztehaus", "\"Mosaik\"", "Öko-Kita", "Straße", "Zwerge"]);
    }
}
