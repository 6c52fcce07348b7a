//! CREATE REPOSITORY checks (spec §4.8): the location and the broker name must not be empty;
//! and the location mistakes users report (a location without a scheme, a bucket name with
//! `_`, an S3-compatible store without path-style access).

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR350",
        "empty-location",
        DiagnosticKind::Semantic,
        "CREATE REPOSITORY with an empty location.",
    )
    .starrocks("You must specify a location on the repository"),
    RuleInfo::error(
        "SR351",
        "empty-broker-name",
        DiagnosticKind::Semantic,
        "CREATE REPOSITORY … WITH BROKER `` (a broker name that is empty).",
    )
    .starrocks("You must specify the broker of the repository"),
    RuleInfo::warning(
        "SR352",
        "location-without-scheme",
        DiagnosticKind::Semantic,
        "A repository location without `scheme://` (s3://, hdfs://, gs://, oss://, …): StarRocks cannot tell which storage it is, and creating the repository fails.",
    ),
    RuleInfo::warning(
        "SR353",
        "bucket-name-with-underscore",
        DiagnosticKind::Semantic,
        "A bucket name with `_` in an object-store location: StarRocks reads the bucket from the URI's host, which cannot hold `_`, so the bucket comes out empty.",
    )
    .starrocks("failed to list remote path … bucket is null/empty (StarRocks issue #54984)"),
    RuleInfo::info(
        "SR354",
        "path-style-access",
        DiagnosticKind::Semantic,
        "An s3:// location on an endpoint that is not AWS's (MinIO and most S3-compatible stores) without \"aws.s3.enable_path_style_access\" = \"true\".",
    ),
];

/// Schemes whose URI host is a bucket.
const BUCKET_SCHEMES: &[&str] = &["s3", "s3a", "s3n", "gs", "oss", "cos", "cosn", "obs", "ks3", "tos", "bos"];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Statement::CreateRepository(c) = cx.stmt() else { return };
    if c.location.value.trim().is_empty() {
        out.push(
            cx.diag("SR350", "the repository location is empty", c.location.span)
                .with_help("give the storage location, e.g. 's3://bucket/path' or 'hdfs://host:port/path'")
                .with_starrocks("You must specify a location on the repository"),
        );
    }
    location(cx, c, out);
    if let Some(b) = c.broker.as_ref().filter(|b| b.value().is_empty()) {
        out.push(
            cx.diag("SR351", "the broker name is empty", b.span())
                .with_help("name a broker from SHOW BROKER, or write just `WITH BROKER` to access the storage directly")
                .with_starrocks("You must specify the broker of the repository"),
        );
    }
}

/// The location's mistakes that StarRocks only reports when it creates the repository.
fn location(cx: &Context<'_>, c: &CreateRepositoryStmt, out: &mut Vec<Diagnostic>) {
    let value = c.location.value.trim();
    if value.is_empty() {
        return;
    }
    let Some((scheme, rest)) = value.split_once("://") else {
        out.push(
            cx.diag("SR352", format!("the location '{value}' has no scheme"), c.location.span).with_help(
                "start it with the storage's scheme: 's3://bucket/path', 'hdfs://namenode:8020/path', 'gs://bucket/path', 'oss://bucket/path', …",
            ),
        );
        return;
    };
    let scheme = scheme.to_ascii_lowercase();
    if !BUCKET_SCHEMES.contains(&scheme.as_str()) {
        return;
    }
    let bucket = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if bucket.contains('_') {
        out.push(
            cx.diag("SR353", format!("the bucket name `{bucket}` has a `_`"), c.location.span)
                .with_help("StarRocks takes the bucket from the location's host, and a host cannot hold `_`: the bucket comes out empty (\"bucket is null/empty\"). Use a bucket whose name has no `_`")
                .with_starrocks("failed to list remote path … bucket is null/empty"),
        );
    }
    let props = c.properties.as_ref();
    let value_of = |k: &str| props.and_then(|p| p.get(k)).map(|p| p.value.value.trim().to_ascii_lowercase());
    if scheme == "s3" || scheme == "s3a" {
        let endpoint = value_of("aws.s3.endpoint").unwrap_or_default();
        let aws = endpoint.is_empty() || endpoint.contains("amazonaws.com");
        if !aws && value_of("aws.s3.enable_path_style_access").is_none() {
            out.push(
                cx.diag("SR354", format!("the endpoint '{endpoint}' is not AWS's, and path-style access is not set"), c.location.span)
                    .with_help("MinIO and most S3-compatible stores need \"aws.s3.enable_path_style_access\" = \"true\" (a store that refuses path style needs it \"false\"); without it StarRocks addresses the bucket as a host name"),
            );
        }
    }
}
