//! The dossier's own headings and labels in English and Korean (rule texts and finding messages
//! come from the rules themselves).

use crate::lang::Lang;

/// `en` or `ko` text by the report's language.
pub(super) fn t(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}
