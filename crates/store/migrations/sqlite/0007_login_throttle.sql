-- Failed sign-ins (issue 11): consecutive failures per account name and per client address,
-- so that guessing passwords slows down (domain::access::Throttle). No password, no success
-- history: a successful sign-in removes the account's row.
CREATE TABLE login_failure (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure INTEGER NOT NULL
);
