//! What the checks are run against: the target StarRocks version, the cluster mode and,
//! optionally, a catalog of the cluster.

use super::catalog::Catalog;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A StarRocks release line, `major.minor`. Serialised as the string `"3.4"`; read from any
/// form [`Version::parse`] takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(type = "string"))]
pub struct Version {
    /// Major version.
    pub major: u8,
    /// Minor version.
    pub minor: u8,
}

impl Version {
    /// v2.5
    pub const V2_5: Version = Version::new(2, 5);
    /// v3.0: role-based privileges.
    pub const V3_0: Version = Version::new(3, 0);
    /// v3.4: the new BACKUP/RESTORE syntax, views, functions, external catalogs.
    pub const V3_4: Version = Version::new(3, 4);
    /// v4.0: intervals for automated cluster snapshots (4.0.5), ADMIN SHOW AUTOMATED CLUSTER
    /// SNAPSHOT (4.0.6).
    pub const V4_0: Version = Version::new(4, 0);
    /// v4.1: WHERE / ORDER BY / LIMIT on the SHOW statements.
    pub const V4_1: Version = Version::new(4, 1);
    /// v4.2: DROP SNAPSHOT, the `ttl` property.
    pub const V4_2: Version = Version::new(4, 2);
    /// The newest release line this tool knows.
    pub const LATEST: Version = Version::V4_2;
    /// Oldest accepted target.
    pub const OLDEST: Version = Version::new(2, 0);

    /// A version from its parts.
    pub const fn new(major: u8, minor: u8) -> Self {
        Version { major, minor }
    }

    /// Parses `3.4`, `v3.4`, `3.4.1` (the patch is ignored) or `latest`.
    pub fn parse(text: &str) -> Result<Version, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("latest") {
            return Ok(Version::LATEST);
        }
        let t = t.strip_prefix(['v', 'V']).unwrap_or(t);
        let mut parts = t.split('.');
        let num = |p: Option<&str>| p.and_then(|s| s.parse::<u8>().ok());
        let (Some(major), Some(minor)) = (num(parts.next()), num(parts.next())) else {
            return Err(format!(
                "`{text}` is not a StarRocks version: write it as 3.4 (or 3.4.2, or latest)"
            ));
        };
        let v = Version::new(major, minor);
        if v < Version::OLDEST || v > Version::new(9, 9) {
            return Err(format!(
                "StarRocks {v} is outside the versions this tool knows ({} to {})",
                Version::OLDEST,
                Version::LATEST
            ));
        }
        Ok(v)
    }

    /// True when this version is at least `other`.
    pub fn at_least(self, other: Version) -> bool {
        self >= other
    }
}

impl Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Version::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Default for Version {
    fn default() -> Self {
        Version::LATEST
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Where table data lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum ClusterMode {
    /// Classic clusters: BEs store the data (the default).
    #[default]
    SharedNothing,
    /// Storage-compute separation: CNs over object storage.
    SharedData,
}

/// A language feature of the statement family and the version that brought it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// `DATABASE db` in BACKUP/RESTORE, typed and `ALL` ON items, `AS` renames in RESTORE.
    NewSyntax,
    /// Backing up logical views.
    Views,
    /// Backing up user-defined functions.
    Functions,
    /// `ALL EXTERNAL CATALOGS` / `EXTERNAL CATALOG(S) (…)` and `CANCEL … FOR EXTERNAL CATALOG`.
    ExternalCatalogs,
    /// `PARTITIONS p1, p2` without parentheses (older grammars take one bare name).
    BarePartitionList,
    /// CREATE REPOSITORY without PROPERTIES, or with a quoted broker name.
    RepositoryOptionalProperties,
    /// `DROP SNAPSHOT … ON … [FORCE]`.
    DropSnapshot,
    /// The BACKUP `ttl` property.
    Ttl,
    /// WHERE / ORDER BY / LIMIT on SHOW BACKUP and SHOW REPOSITORIES, and ORDER BY / LIMIT
    /// on SHOW RESTORE and SHOW SNAPSHOT: since 4.1.0 (its release notes, "Supports
    /// WHERE/ORDER/LIMIT clauses in SHOW statements", StarRocks PR #68834).
    ShowPredicates,
    /// Role-based privileges (GRANT … ON …); before, BACKUP needed `admin_priv`.
    Rbac,
    /// Duplicate objects compared case-sensitively (case-insensitively before).
    CaseSensitiveDuplicates,
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON|OFF` on shared-data clusters: v3.4.2 by the
    /// docs and the FE setting's "Introduced in" (the 3.4.1 release notes list it earlier).
    AutomatedClusterSnapshot,
    /// `INTERVAL …` on SET ON and `ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL`:
    /// v4.0.5 (release notes, StarRocks PR #67525).
    SnapshotInterval,
    /// `ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT`: v4.0.6 (release notes, PR #68455).
    ShowAutomatedSnapshot,
}

impl Feature {
    /// The first release line with the feature.
    pub fn since(self) -> Version {
        match self {
            Feature::Rbac => Version::V3_0,
            Feature::NewSyntax
            | Feature::Views
            | Feature::Functions
            | Feature::ExternalCatalogs
            | Feature::BarePartitionList
            | Feature::RepositoryOptionalProperties
            | Feature::CaseSensitiveDuplicates => Version::V3_4,
            Feature::AutomatedClusterSnapshot => Version::V3_4,
            Feature::SnapshotInterval | Feature::ShowAutomatedSnapshot => Version::V4_0,
            Feature::ShowPredicates => Version::V4_1,
            Feature::DropSnapshot | Feature::Ttl => Version::V4_2,
        }
    }
}

impl Feature {
    /// The patch release of [`Feature::since`]'s line that brought the feature (0 for the
    /// line's first release). Targets are release lines, so a target equal to `since()` with a
    /// patch above 0 may or may not have it.
    pub fn patch(self) -> u8 {
        match self {
            Feature::AutomatedClusterSnapshot => 2,
            Feature::SnapshotInterval => 5,
            Feature::ShowAutomatedSnapshot => 6,
            _ => 0,
        }
    }

    /// The first release, with its patch: `3.4.2`, `4.2`.
    pub fn first_release(self) -> String {
        match self.patch() {
            0 => self.since().to_string(),
            p => format!("{}.{p}", self.since()),
        }
    }
}

/// Options for [`crate::check::check`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The StarRocks version the statements will run on (default: latest).
    pub target: Version,
    /// The cluster's mode (default: shared-nothing).
    pub cluster: ClusterMode,
    /// What the cluster holds; without it the existence and submission rules stay silent.
    /// Shared, so that options can be copied without copying a large catalog.
    pub catalog: Option<Arc<Catalog>>,
}

impl Options {
    /// True when the target version has `feature`.
    pub fn has(&self, feature: Feature) -> bool {
        self.target.at_least(feature.since())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions() {
        assert_eq!(Version::parse("3.4").unwrap(), Version::V3_4);
        assert_eq!(Version::parse("v3.3.12").unwrap(), Version::new(3, 3));
        assert_eq!(Version::parse("LATEST").unwrap(), Version::LATEST);
        assert!(Version::parse("three").is_err());
        assert!(Version::parse("1.9").is_err());
        assert!(Version::V3_4 > Version::new(3, 3) && Version::new(3, 10) > Version::V3_4);
    }
}
