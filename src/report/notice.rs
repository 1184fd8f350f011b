//! A note about the scan as a whole (not a git work tree, shallow history, no config file), in
//! both report languages: the text and Markdown reports print it in the report's language, JSON
//! keeps the English text, so the same inputs give the same document whatever `--lang` says.

use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub en: String,
    pub ko: String,
}

impl Notice {
    pub fn new(en: impl Into<String>, ko: impl Into<String>) -> Notice {
        Notice {
            en: en.into(),
            ko: ko.into(),
        }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ko => &self.ko,
        }
    }
}
