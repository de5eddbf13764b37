//! Roles and what they may do. The web layer asks these functions; it never decides on its own.

use serde::{Deserialize, Serialize};

use crate::model::OrganisationId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Coordinator,
    Planner,
    PartnerEditor,
    Navigator,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 6] = [Role::Admin, Role::Coordinator, Role::Planner, Role::PartnerEditor, Role::Navigator, Role::Viewer];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Planner => "planner",
            Role::PartnerEditor => "partner_editor",
            Role::Navigator => "navigator",
            Role::Viewer => "viewer",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
    pub fn label_key(self) -> String {
        format!("role-{}", self.as_str().replace('_', "-"))
    }
}

/// The signed-in person as far as permissions are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    /// Set for partner editors: the organisation whose offers they keep.
    pub organisation_id: Option<OrganisationId>,
}

impl Actor {
    /// Partner editors edit only their own organisation's offers and locations; coordinators
    /// and admins edit all.
    pub fn can_edit_offers_of(&self, organisation: OrganisationId) -> bool {
        match self.role {
            Role::Admin | Role::Coordinator => true,
            Role::PartnerEditor => self.organisation_id == Some(organisation),
            _ => false,
        }
    }
    /// Locations, details and contact persons follow the same rule as offers.
    pub fn can_edit_organisation(&self, organisation: OrganisationId) -> bool {
        self.can_edit_offers_of(organisation)
    }
    /// Renaming and extending the vocabulary is coordination work.
    pub fn can_edit_vocabulary(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator)
    }
    /// Letting partners' new offers and changes out to the public, and the review settings.
    pub fn can_approve(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator)
    }
    pub fn can_create_offers(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator | Role::PartnerEditor)
    }
    /// The needs analysis (where need is high and the chain thin) is planning work that the
    /// steering group reads; partners and navigators work with offers, not with it.
    pub fn reads_needs_analysis(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator | Role::Planner | Role::Viewer)
    }
    /// Scenarios and the follow-up of gaps are planning work; the steering group reads them.
    pub fn plans_needs(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator | Role::Planner)
    }
    pub fn can_import(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Coordinator | Role::Planner)
    }
    /// Writing index recipes is method work of planning and coordination.
    pub fn can_edit_recipes(&self) -> bool {
        self.can_import()
    }
    /// Handing a family a referral sheet, and reading the anonymous referral counts.
    pub fn can_refer(&self) -> bool {
        self.role != Role::Viewer
    }
    pub fn can_manage_accounts(&self) -> bool {
        self.role == Role::Admin
    }
    // What a reader may *see* (statistics, places, notes, unpublished offers) is decided in
    // `crate::disclosure`, not here: this type decides what a person may *do*.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_editor_edits_only_own_organisation() {
        let a = Actor { role: Role::PartnerEditor, organisation_id: Some(7) };
        assert!(a.can_edit_offers_of(7));
        assert!(!a.can_edit_offers_of(8));
        let lost = Actor { role: Role::PartnerEditor, organisation_id: None };
        assert!(!lost.can_edit_offers_of(7));
    }

    #[test]
    fn only_coordination_edits_everything_and_viewers_nothing() {
        for role in Role::ALL {
            let a = Actor { role, organisation_id: None };
            assert_eq!(a.can_edit_offers_of(1), matches!(role, Role::Admin | Role::Coordinator), "{role:?}");
        }
        assert!(!Actor { role: Role::Viewer, organisation_id: None }.can_create_offers());
        assert_eq!(Role::parse("partner_editor"), Some(Role::PartnerEditor));
        assert_eq!(Role::PartnerEditor.label_key(), "role-partner-editor");
    }
}

/// How long sign-in waits after failed attempts: the first few are free, then each further
/// failure doubles the wait, up to a lock of `max_seconds` (NIST 800-63B asks for throttling, not
/// permanent lock-out, so that nobody can lock a colleague out for good).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    pub free_attempts: u32,
    pub max_seconds: i64,
}

impl Throttle {
    /// Per account: five tries, then 2, 4, 8 … seconds, at most 15 minutes.
    pub const ACCOUNT: Throttle = Throttle { free_attempts: 5, max_seconds: 900 };
    /// Per client address (many accounts tried from one place): twenty tries, then the same.
    pub const CLIENT: Throttle = Throttle { free_attempts: 20, max_seconds: 900 };

    /// Seconds to wait after `failures` consecutive failures, counted from the last one.
    pub fn wait_seconds(&self, failures: u32) -> i64 {
        if failures < self.free_attempts {
            return 0;
        }
        let doublings = (failures - self.free_attempts + 1).min(30);
        (1i64 << doublings).min(self.max_seconds)
    }
}

#[cfg(test)]
mod throttle_tests {
    use super::Throttle;

    #[test]
    fn the_wait_doubles_after_the_free_attempts_and_is_capped() {
        let t = Throttle::ACCOUNT;
        assert_eq!((0..5).map(|n| t.wait_seconds(n)).sum::<i64>(), 0);
        assert_eq!([5, 6, 7].map(|n| t.wait_seconds(n)), [2, 4, 8]);
        assert_eq!(t.wait_seconds(300), 900, "at most 15 minutes");
        assert_eq!(Throttle::CLIENT.wait_seconds(19), 0);
    }
}
