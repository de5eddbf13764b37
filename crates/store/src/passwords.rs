//! Which passwords an account may have (NIST SP 800-63B, section 5.1.1.2): long enough, not
//! among the commonly used or breached ones, not built from the account's own name — and no
//! composition rules, so a long passphrase is always welcome.
//!
//! The list of common and breached passwords, names and words and the pattern rules (repeats,
//! sequences, keyboard rows, dates, l33t) come with the `zxcvbn` crate; kette adds the words of
//! its own context that an attacker of a youth welfare office would try first.

use std::fmt;

/// Fewer characters than this are refused outright.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Long enough for any passphrase (NIST asks for at least 64) while bounding the work a strength
/// estimate does on hostile input.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Words someone guessing a kette password would try first, besides the account's own names.
const CONTEXT_WORDS: &[&str] = &[
    "kette",
    "praeventionskette",
    "präventionskette",
    "jugendamt",
    "passwort",
    "kennwort",
    "geheim",
    "willkommen",
    "hallo",
    "sommer",
    "winter",
    "fruehling",
    "frühling",
    "herbst",
    "schatz",
    "familie",
    "kinder",
    "netzwerk",
    "rathaus",
    "stadt",
    "berlin",
    "demo",
];

/// Why a password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// It contains the user name or the display name (or is contained in them).
    ContainsOwnName,
    /// It is on the list of common or breached passwords, or a small variation of one.
    Common,
    /// It is a repeat, a sequence, a keyboard row, a date or a lone word: guessed in fewer
    /// than 10⁸ tries.
    Guessable,
}

impl PasswordProblem {
    /// The translation key under which the front ends explain the problem.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::ContainsOwnName => "password-contains-name",
            PasswordProblem::Common => "password-common",
            PasswordProblem::Guessable => "password-guessable",
        }
    }
}

impl fmt::Display for PasswordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PasswordProblem::TooShort => "the password must have at least 10 characters",
            PasswordProblem::TooLong => "the password must have at most 256 characters",
            PasswordProblem::ContainsOwnName => "the password must not contain the user name or the person's name",
            PasswordProblem::Common => "the password is one of the commonly used or breached passwords",
            PasswordProblem::Guessable => {
                "the password is easy to guess (a repeat, sequence, keyboard row, date or single word); a few unrelated words are better"
            }
        })
    }
}

/// Checks a new password against the rule; `own_names` are the user name and the person's
/// name, which the password must not be built from.
pub fn password_problem(password: &str, own_names: &[&str]) -> Option<PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Some(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Some(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    let name_parts: Vec<String> = own_names
        .iter()
        .flat_map(|n| {
            let n = n.trim().to_lowercase();
            let mut parts: Vec<String> =
                n.split(|c: char| !c.is_alphanumeric()).filter(|p| p.chars().count() >= 3).map(str::to_string).collect();
            if n.chars().count() >= 3 {
                parts.push(n);
            }
            parts
        })
        .collect();
    if name_parts.iter().any(|n| lowered.contains(n.as_str()) || n.contains(lowered.as_str())) {
        return Some(PasswordProblem::ContainsOwnName);
    }
    let mut user_inputs: Vec<&str> = CONTEXT_WORDS.to_vec();
    user_inputs.extend(name_parts.iter().map(String::as_str));
    let estimate = zxcvbn::zxcvbn(password, &user_inputs);
    if u8::from(estimate.score()) >= 3 {
        return None;
    }
    let common = estimate.feedback().and_then(|f| f.warning()).is_some_and(|w| {
        use zxcvbn::feedback::Warning::*;
        matches!(w, ThisIsATop10Password | ThisIsATop100Password | ThisIsACommonPassword | ThisIsSimilarToACommonlyUsedPassword)
    });
    Some(if common { PasswordProblem::Common } else { PasswordProblem::Guessable })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_repeated_common_and_own_name_passwords_are_refused() {
        assert_eq!(password_problem("kurz", &[]), Some(PasswordProblem::TooShort));
        assert_eq!(password_problem(&"x".repeat(300), &[]), Some(PasswordProblem::TooLong));
        assert_eq!(password_problem("aaaaaaaaaa", &[]), Some(PasswordProblem::Guessable));
        assert_eq!(password_problem("1234567890", &[]), Some(PasswordProblem::Common));
        assert_eq!(password_problem("password123", &[]), Some(PasswordProblem::Common));
        assert!(password_problem("qwertzuiop", &[]).is_some());
        assert!(password_problem("Passwort2026", &[]).is_some());
        assert!(password_problem("Jugendamt2026!", &[]).is_some());
        assert_eq!(password_problem("mmeier-2026-x", &["mmeier", "Maria Meier"]), Some(PasswordProblem::ContainsOwnName));
        assert_eq!(password_problem("MeierMaria!!", &["mm", "Maria Meier"]), Some(PasswordProblem::ContainsOwnName));
    }

    #[test]
    fn passphrases_and_random_passwords_are_welcome() {
        assert_eq!(password_problem("Tulpe Brezel Kanal Ofen", &["mmeier", "Maria Meier"]), None);
        assert_eq!(password_problem("k8#Vq2!rTz9w", &[]), None);
        assert_eq!(password_problem("die kette hält neun jahre", &["coord"]), None);
        // long and non-ASCII is fine
        assert_eq!(password_problem("Grüße aus Köln an das Jugendamt, herzlich!", &[]), None);
    }
}
