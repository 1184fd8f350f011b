//! The format-neutral reading of one SBOM: what every reader (CycloneDX JSON/XML, SPDX 2.x
//! JSON/tag-value/YAML/RDF, SPDX 3.0 JSON-LD) fills in, and what the summary, the NTIA check and the
//! lockfile comparison read, with the AI elements the AI evidence reads. Only the fields
//! samdscan judges are kept, so one odd field never rejects a whole document.

use serde_json::Value;

/// One component (CycloneDX) or package (SPDX).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Component {
    pub name: Option<String>,
    pub version: Option<String>,
    pub supplier: Option<String>,
    pub purl: Option<String>,
    pub cpe: Option<String>,
    /// Another unique identifier than purl or CPE (a SWID tag id, an OmniBOR or SWHID ref).
    pub other_id: bool,
    /// The SPDX element id (`SPDXID`), unique within the document.
    pub spdx_id: Option<String>,
    pub hashes: usize,
    pub licenses: Vec<String>,
}

impl Component {
    pub fn has_unique_id(&self) -> bool {
        self.purl.is_some() || self.cpe.is_some() || self.other_id
    }

    /// Whether vulnerability databases can match the component: it has a purl or a CPE.
    pub fn matchable(&self) -> bool {
        self.purl.is_some() || self.cpe.is_some()
    }
}

/// One VEX statement: a vulnerability's analysis for the components it affects.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct VexStatement {
    pub id: String,
    pub state: Option<String>,
    pub justification: Option<String>,
    pub response: Vec<String>,
    pub affects: Vec<String>,
    /// When the statement was last updated (CycloneDX `analysis.lastUpdated` or `firstIssued`,
    /// OpenVEX `last_updated` or `timestamp`), as written.
    pub updated: Option<String>,
}

/// An AI element of an SBOM, kept as written for the AI evidence (model cards, datasheets).
#[derive(Debug, Clone, PartialEq)]
pub enum AiElement {
    /// A CycloneDX `machine-learning-model` component.
    CycloneDxModel(Value),
    /// An SPDX 3 `ai_AIPackage`; `trained_on` / `tested_on`: a `trainedOn` / `testedOn`
    /// relationship leaves the package or something it contains.
    Spdx3Model {
        element: Value,
        trained_on: bool,
        tested_on: bool,
    },
    /// An SPDX 3 `dataset_DatasetPackage`; `training` / `test`: something is trained / tested on
    /// the package or something it contains.
    Spdx3Dataset {
        element: Value,
        training: bool,
        test: bool,
    },
}

/// Which standard a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Cyclonedx,
    Spdx,
}

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Json,
    Xml,
    TagValue,
    Yaml,
    RdfXml,
    JsonLd,
}

/// One SPDX 2 relationship: `from` `kind` `to`, as written (`DEPENDS_ON`, `VARIANT_OF`...).
#[derive(Debug, Clone, PartialEq)]
pub struct Relationship {
    pub from: String,
    pub kind: String,
    pub to: String,
}

/// The SPDX 2 element graph the NTIA check walks as the SPDX reference checker does.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spdx2Graph {
    /// The document's own id (`SPDXRef-DOCUMENT`).
    pub document_id: String,
    pub relationships: Vec<Relationship>,
}

/// One SBOM as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Sbom {
    pub format: Format,
    pub encoding: Encoding,
    pub spec_version: Option<String>,
    pub created: Option<String>,
    /// People or organisations named as the SBOM's authors (tools excluded).
    pub authors: Vec<String>,
    pub tools: Vec<String>,
    /// What the SBOM describes (CycloneDX `metadata.component`, SPDX `documentDescribes`).
    pub subject: Option<Component>,
    pub components: Vec<Component>,
    /// Dependency relationships (CycloneDX `dependsOn` entries, SPDX DEPENDS_ON/CONTAINS...).
    pub dependency_edges: usize,
    pub vex: Vec<VexStatement>,
    /// SPDX 2 documents only: the relationships between elements.
    pub spdx2: Option<Spdx2Graph>,
    /// AI models and datasets (CycloneDX JSON and SPDX 3 only).
    pub ai: Vec<AiElement>,
    /// CycloneDX `cryptographic-asset` components (a CBOM's inventory of algorithms, keys,
    /// certificates and protocols); 0 for SPDX.
    pub crypto_assets: usize,
}

impl Sbom {
    pub fn new(format: Format, encoding: Encoding) -> Sbom {
        Sbom {
            format,
            encoding,
            spec_version: None,
            created: None,
            authors: vec![],
            tools: vec![],
            subject: None,
            components: vec![],
            dependency_edges: 0,
            vex: vec![],
            spdx2: None,
            ai: vec![],
            crypto_assets: 0,
        }
    }

    /// True when samdscan knows this format at this spec version (CycloneDX 1.4 and later,
    /// SPDX 2.2, 2.3 and 3.0): older or unknown versions cannot be validated against a schema
    /// MFDS reviewers accept.
    pub fn supported(&self) -> bool {
        let Some(v) = self.spec_version.as_deref() else {
            return false;
        };
        match self.format {
            Format::Cyclonedx => matches!(v, "1.4" | "1.5" | "1.6" | "1.7"),
            Format::Spdx => matches!(v, "2.2" | "2.3") || v == "3.0" || v.starts_with("3.0."),
        }
    }
}

/// A non-empty trimmed string, or `None`; `NOASSERTION` and `NONE` count as absent.
pub fn present(text: Option<&str>) -> Option<String> {
    let t = text?.trim();
    (!t.is_empty() && t != "NOASSERTION" && t != "NONE").then(|| t.to_string())
}
