//! StrictDoc: requirements in an `.sdoc` document (`[REQUIREMENT]` nodes with `UID`, `TITLE`,
//! multi-line `STATEMENT`), tests naming them with StrictDoc's `@relation(REQ-1, scope=function)`
//! markers. Decoy: an unfilled `.sdoc` template whose only node is `REQ-XXX` with guidance.

use super::checked_requirements;

const SDOC: &str = "[DOCUMENT]\nTITLE: CardioWatch software requirements\n\n[[SECTION]]\nTITLE: Heart rate\n\n[REQUIREMENT]\nUID: REQ-1\nTITLE: Heart rate from RR intervals\nSTATEMENT: >>>\nThe software shall compute the heart rate as 60000 divided by the mean RR interval.\n<<<\n\n[REQUIREMENT]\nUID: REQ-2\nTITLE: Refuse an empty RR series\nSTATEMENT: The software shall refuse an empty RR series (risk control RC-2).\n\n[[/SECTION]]\n\n[REQUIREMENT]\nUID: REQ-3\nTITLE: Alarm thresholds\nSTATEMENT: >>>\nThe software shall alarm at or above 150 and at or below 40 bpm (risk controls RC-1, RC-5).\n<<<\n";

const TEMPLATE: &str = "[DOCUMENT]\nTITLE: <Product> requirements\n\n[REQUIREMENT]\nUID: REQ-XXX\nTITLE: <Requirement title>\nSTATEMENT: TBD\n";

#[test]
fn strictdoc_requirements_and_relation_markers() {
    let files: Vec<(String, String)> = vec![
        ("docs/requirements.sdoc".into(), SDOC.into()),
        (
            "docs/templates/requirement-template.sdoc".into(),
            TEMPLATE.into(),
        ),
    ];
    let seen = checked_requirements(
        files,
        "# @relation({id}, scope=function)",
        ["REQ-1", "REQ-2", "REQ-3"],
    );
    let files: Vec<(&str, bool)> = seen.evidence["requirements"]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["unfilled"] == true))
        .collect();
    assert_eq!(
        files,
        [
            ("docs/requirements.sdoc", false),
            ("docs/templates/requirement-template.sdoc", true)
        ]
    );
}
