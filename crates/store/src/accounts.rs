use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use kette_domain::{AccountId, MunicipalityId, OrganisationId, Role};

use crate::{util, Result, Store, StoreError};

/// Sessions last a working day plus; a new login is cheap.
const SESSION_SECONDS: i64 = 12 * 3600;

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub municipality_id: MunicipalityId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
    pub is_fictional: bool,
    /// Where reminders go (partner editors); may be empty.
    pub email: String,
}

impl Account {
    pub fn actor(&self) -> kette_domain::access::Actor {
        kette_domain::access::Actor { role: self.role, organisation_id: self.organisation_id }
    }
}

pub struct NewAccount<'a> {
    pub municipality_id: MunicipalityId,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub role: Role,
    pub organisation_id: Option<OrganisationId>,
    pub is_fictional: bool,
}

/// How a sign-in ended.
#[derive(Debug)]
pub enum SignIn {
    Welcome {
        token: String,
        info: SessionInfo,
    },
    /// wrong name or password
    Refused,
    /// too many failures: try again after this many seconds
    Throttled {
        wait_seconds: i64,
    },
}

#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub account: Account,
    pub csrf_token: String,
}

/// argon2id with the crate's default (OWASP-recommended) parameters.
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| StoreError::Password(e.to_string()))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Only a hash of the session token is stored, so a leaked database does not leak sessions.
fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn account_from_row(r: &sqlx::any::AnyRow) -> Result<Account> {
    Ok(Account {
        id: r.try_get("id")?,
        municipality_id: r.try_get("municipality_id")?,
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        role: Role::parse(&r.try_get::<String, _>("role")?).unwrap_or(Role::Viewer),
        organisation_id: r.try_get("organisation_id")?,
        is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
        email: r.try_get("email")?,
    })
}

impl Store {
    pub async fn create_account(&self, a: NewAccount<'_>) -> Result<AccountId> {
        if a.username.trim().is_empty() {
            return Err(StoreError::Conflict("the user name must not be empty".into()));
        }
        if let Some(problem) = crate::passwords::password_problem(a.password, &[a.username, a.display_name]) {
            return Err(StoreError::WeakPassword(problem));
        }
        if a.role == Role::PartnerEditor && a.organisation_id.is_none() {
            return Err(StoreError::Conflict("a partner editor needs an organisation".into()));
        }
        let hash = hash_password(a.password)?;
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM account WHERE username = $1").bind(a.username).fetch_optional(&mut *tx).await?;
        if exists.is_some() {
            return Err(StoreError::Conflict(format!("the user name '{}' is taken", a.username)));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO account (municipality_id, username, display_name, password_hash, role, organisation_id, is_fictional, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(a.municipality_id)
        .bind(a.username.trim())
        .bind(a.display_name)
        .bind(hash)
        .bind(a.role.as_str())
        .bind(a.organisation_id)
        .bind(a.is_fictional as i64)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        util::audit(
            &mut tx,
            &self.clock,
            a.municipality_id,
            None,
            "create",
            "account",
            Some(id),
            &format!("{} ({})", a.username, a.role.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn accounts(&self, municipality: MunicipalityId) -> Result<Vec<Account>> {
        let rows =
            sqlx::query("SELECT * FROM account WHERE municipality_id = $1 ORDER BY id").bind(municipality).fetch_all(&self.pool).await?;
        rows.iter().map(account_from_row).collect()
    }

    /// Checks the password and opens a session; returns the session token for the cookie.
    /// Unknown users and wrong passwords are indistinguishable to the caller.
    pub async fn login(&self, username: &str, password: &str) -> Result<Option<(String, SessionInfo)>> {
        let row = sqlx::query("SELECT * FROM account WHERE username = $1 AND disabled = 0")
            .bind(username.trim())
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else {
            // spend the same time as a real check so user names cannot be probed by timing
            let _ = verify_password(
                password,
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2YQEa3ZBn1EwHfEZ3uH0kbmq3+qK1+XG2A9kfYqJvLQ",
            );
            return Ok(None);
        };
        let hash: String = row.try_get("password_hash")?;
        if !verify_password(password, &hash) {
            return Ok(None);
        }
        let account = account_from_row(&row)?;
        let token = random_token();
        let csrf = random_token();
        let now = self.clock.unix();
        let mut conn = self.pool.acquire().await?;
        sqlx::query("DELETE FROM session WHERE expires_at < $1").bind(now).execute(&mut *conn).await?;
        sqlx::query("INSERT INTO session (token_hash, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash(&token))
            .bind(account.id)
            .bind(&csrf)
            .bind(now)
            .bind(now + SESSION_SECONDS)
            .execute(&mut *conn)
            .await?;
        util::audit(&mut conn, &self.clock, account.municipality_id, Some(account.id), "login", "account", Some(account.id), "").await?;
        Ok(Some((token, SessionInfo { account, csrf_token: csrf })))
    }

    /// Signing in with throttling: after repeated failures for the account name or from the
    /// client address (`domain::access::Throttle`) the password is not even checked until the
    /// wait is over. Failures and refusals of known accounts go to the audit log.
    pub async fn sign_in(&self, username: &str, password: &str, client: Option<&str>) -> Result<SignIn> {
        use kette_domain::access::Throttle;
        let now = self.clock.unix();
        let account_key = format!("account:{}", username.trim().to_lowercase());
        let client_key = client.map(|c| format!("client:{c}"));
        let mut wait = 0i64;
        for (key, rule) in std::iter::once((&account_key, Throttle::ACCOUNT)).chain(client_key.as_ref().map(|k| (k, Throttle::CLIENT))) {
            if let Some(r) =
                sqlx::query("SELECT failures, last_failure FROM login_failure WHERE key = $1").bind(key).fetch_optional(&self.pool).await?
            {
                let (failures, last): (i64, i64) = (r.try_get("failures")?, r.try_get("last_failure")?);
                wait = wait.max(last + rule.wait_seconds(failures.max(0) as u32) - now);
            }
        }
        let known: Option<(i64, i64)> = sqlx::query("SELECT id, municipality_id FROM account WHERE username = $1")
            .bind(username.trim())
            .fetch_optional(&self.pool)
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get("id")?, r.try_get("municipality_id")?)))
            .transpose()?;
        if wait > 0 {
            if let Some((id, m)) = known {
                self.audit(m, Some(id), "login_throttled", "account", Some(id), &format!("wait {wait} s")).await?;
            }
            return Ok(SignIn::Throttled { wait_seconds: wait });
        }
        match self.login(username, password).await? {
            Some((token, info)) => {
                sqlx::query("DELETE FROM login_failure WHERE key = $1").bind(&account_key).execute(&self.pool).await?;
                Ok(SignIn::Welcome { token, info })
            }
            None => {
                let mut tx = self.begin_write().await?;
                for key in std::iter::once(&account_key).chain(client_key.as_ref()) {
                    sqlx::query(
                        "INSERT INTO login_failure (key, failures, last_failure) VALUES ($1, 1, $2)
                         ON CONFLICT (key) DO UPDATE SET failures = login_failure.failures + 1, last_failure = excluded.last_failure",
                    )
                    .bind(key)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                if let Some((id, m)) = known {
                    util::audit(&mut tx, &self.clock, m, Some(id), "login_failed", "account", Some(id), client.unwrap_or("")).await?;
                }
                tx.commit().await?;
                Ok(SignIn::Refused)
            }
        }
    }

    pub async fn session(&self, token: &str) -> Result<Option<SessionInfo>> {
        let row = sqlx::query(
            "SELECT a.*, s.csrf_token FROM session s JOIN account a ON a.id = s.account_id
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled = 0",
        )
        .bind(token_hash(token))
        .bind(self.clock.unix())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => Ok(Some(SessionInfo { account: account_from_row(&r)?, csrf_token: r.try_get("csrf_token")? })),
            None => Ok(None),
        }
    }

    pub async fn logout(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM session WHERE token_hash = $1").bind(token_hash(token)).execute(&self.pool).await?;
        Ok(())
    }
}
