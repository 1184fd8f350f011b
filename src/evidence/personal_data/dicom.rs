//! Whether a DICOM Part 10 file names its patient: a small parser of the first bytes of the
//! file (the caller reads at most [`HEAD_BYTES`]) that walks the data elements in tag order up
//! to Patient ID (0010,0020) and says which of Patient's Name (0010,0010) and Patient ID hold
//! a value. The values themselves are never returned.
//!
//! Explicit and implicit VR little endian are read (the transfer syntax comes from the file
//! meta group); a big-endian or deflated data set, or one whose patient tags lie beyond the
//! bytes read, is an error for the caller to report, never a clean file.

/// How many bytes of a DICOM file are read.
pub(super) const HEAD_BYTES: usize = 64 * 1024;

/// The 128-byte preamble, then `DICM`.
const MAGIC_AT: usize = 128;

const PATIENT_NAME: (u16, u16) = (0x0010, 0x0010);
const PATIENT_ID: (u16, u16) = (0x0010, 0x0020);

const EXPLICIT_LITTLE: &str = "1.2.840.10008.1.2.1";
const IMPLICIT_LITTLE: &str = "1.2.840.10008.1.2";

/// Whether `head` starts like a DICOM Part 10 file.
pub(super) fn is_dicom(head: &[u8]) -> bool {
    head.get(MAGIC_AT..MAGIC_AT + 4) == Some(b"DICM")
}

/// The patient tags of a DICOM file that hold a value (`PatientName`, `PatientID`), from the
/// file's first bytes.
pub(crate) fn named_patient_tags(head: &[u8]) -> Result<Vec<&'static str>, String> {
    if !is_dicom(head) {
        return Err("no DICM prefix at byte 128: not a DICOM Part 10 file".into());
    }
    let mut r = Reader {
        bytes: head,
        at: MAGIC_AT + 4,
        explicit: true,
    };
    let mut syntax = None;
    let mut found = vec![];
    let mut last = (0u16, 0u16);
    loop {
        let Some(el) = r.next()? else {
            return Err(format!(
                "the patient tags are not within the first {} KiB",
                HEAD_BYTES >> 10
            ));
        };
        if el.tag < last {
            return Err("data elements out of order: not read".into());
        }
        last = el.tag;
        if el.tag == (0x0002, 0x0010) {
            syntax = Some(
                String::from_utf8_lossy(el.value)
                    .trim_end_matches(['\0', ' '])
                    .to_string(),
            );
        }
        if el.tag.0 == 0x0002 {
            // The meta group's end fixes how the data set is read.
            if r.peek_group() != Some(0x0002) {
                r.explicit = match syntax.as_deref() {
                    Some(EXPLICIT_LITTLE) => true,
                    Some(IMPLICIT_LITTLE) => false,
                    Some(other) => return Err(format!("transfer syntax {other} is not read")),
                    None => return Err("no transfer syntax in the file meta group".into()),
                };
            }
            continue;
        }
        let has_value = !el.value.iter().all(|b| *b == b' ' || *b == 0);
        if el.tag == PATIENT_NAME && has_value {
            found.push("PatientName");
        }
        if el.tag == PATIENT_ID && has_value {
            found.push("PatientID");
        }
        if el.tag >= PATIENT_ID {
            return Ok(found);
        }
    }
}

struct Element<'a> {
    tag: (u16, u16),
    value: &'a [u8],
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    explicit: bool,
}

/// Value representations whose explicit-VR length is four bytes after two reserved ones.
const LONG_VRS: &[&[u8; 2]] = &[
    b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"SQ", b"SV", b"UC", b"UN", b"UR", b"UT", b"UV",
];

/// The end of an undefined-length sequence: (FFFE,E0DD) with length 0.
const SEQUENCE_END: [u8; 8] = [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0];

impl<'a> Reader<'a> {
    fn u16_at(&self, at: usize) -> Option<u16> {
        let b = self.bytes.get(at..at + 2)?;
        Some(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32_at(&self, at: usize) -> Option<u32> {
        let b = self.bytes.get(at..at + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn peek_group(&self) -> Option<u16> {
        self.u16_at(self.at)
    }

    /// The next element, `None` at the end of the bytes read. The file meta group is always
    /// explicit VR.
    fn next(&mut self) -> Result<Option<Element<'a>>, String> {
        let (Some(group), Some(element)) = (self.u16_at(self.at), self.u16_at(self.at + 2)) else {
            return Ok(None);
        };
        let explicit = self.explicit || group == 0x0002;
        let (len, header) = if explicit {
            let Some(vr) = self.bytes.get(self.at + 4..self.at + 6) else {
                return Ok(None);
            };
            if LONG_VRS.iter().any(|v| v.as_slice() == vr) {
                (self.u32_at(self.at + 8), 12)
            } else {
                (self.u16_at(self.at + 6).map(u32::from), 8)
            }
        } else {
            (self.u32_at(self.at + 4), 8)
        };
        let Some(len) = len else {
            return Ok(None);
        };
        let start = self.at + header;
        let end = if len == u32::MAX {
            // An undefined length: skip to the sequence's end marker.
            let rest = self.bytes.get(start..).unwrap_or_default();
            match rest.windows(8).position(|w| w == SEQUENCE_END) {
                Some(p) => start + p + 8,
                None => return Ok(None),
            }
        } else {
            start + len as usize
        };
        if end > self.bytes.len() {
            return Ok(None);
        }
        self.at = end;
        let value = if len == u32::MAX {
            &[][..]
        } else {
            &self.bytes[start..end]
        };
        Ok(Some(Element {
            tag: (group, element),
            value,
        }))
    }
}

#[cfg(test)]
pub(super) mod build {
    //! DICOM files built element by element, for tests.

    /// One explicit-VR little-endian element.
    pub(in crate::evidence::personal_data) fn element(
        group: u16,
        element: u16,
        vr: &[u8; 2],
        value: &[u8],
    ) -> Vec<u8> {
        let mut out = vec![];
        out.extend(group.to_le_bytes());
        out.extend(element.to_le_bytes());
        out.extend(vr);
        out.extend((value.len() as u16).to_le_bytes());
        out.extend(value);
        out
    }

    /// A Part 10 file: preamble, `DICM`, the meta group with `syntax`, then `body`.
    pub(in crate::evidence::personal_data) fn file(syntax: &str, body: &[u8]) -> Vec<u8> {
        let mut syntax = syntax.as_bytes().to_vec();
        if syntax.len() % 2 == 1 {
            syntax.push(0);
        }
        let mut out = vec![0u8; 128];
        out.extend(b"DICM");
        out.extend(element(0x0002, 0x0010, b"UI", &syntax));
        out.extend(body);
        out
    }

    /// One implicit-VR little-endian element.
    pub(in crate::evidence::personal_data) fn implicit(
        group: u16,
        element: u16,
        value: &[u8],
    ) -> Vec<u8> {
        let mut out = vec![];
        out.extend(group.to_le_bytes());
        out.extend(element.to_le_bytes());
        out.extend((value.len() as u32).to_le_bytes());
        out.extend(value);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::build::*;
    use super::*;

    #[test]
    fn named_patients_are_found_in_explicit_and_implicit_files() {
        let body = [
            element(0x0008, 0x0060, b"CS", b"CT"),
            element(0x0010, 0x0010, b"PN", b"HONG^GILDONG"),
            element(0x0010, 0x0020, b"LO", b"P-0042"),
        ]
        .concat();
        let f = file(EXPLICIT_LITTLE, &body);
        assert_eq!(
            named_patient_tags(&f).unwrap(),
            ["PatientName", "PatientID"]
        );
        let body = [
            implicit(0x0008, 0x0060, b"MR"),
            implicit(0x0010, 0x0010, b"    "),
            implicit(0x0010, 0x0020, b"ID7 "),
        ]
        .concat();
        let f = file(IMPLICIT_LITTLE, &body);
        assert_eq!(named_patient_tags(&f).unwrap(), ["PatientID"]);
    }

    #[test]
    fn an_anonymised_file_names_no_patient() {
        let body = [
            element(0x0010, 0x0010, b"PN", b""),
            element(0x0010, 0x0030, b"DA", b""),
        ]
        .concat();
        assert!(
            named_patient_tags(&file(EXPLICIT_LITTLE, &body))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn unreadable_files_are_errors_not_clean() {
        assert!(named_patient_tags(b"not dicom").is_err());
        let cut = file(EXPLICIT_LITTLE, &element(0x0008, 0x0060, b"CS", b"CT"));
        let err = named_patient_tags(&cut).unwrap_err();
        assert!(err.contains("not within the first 64 KiB"), "{err}");
        let deflated = file("1.2.840.10008.1.2.1.99", &[]);
        let err = named_patient_tags(&deflated).unwrap_err();
        assert!(err.contains("1.2.840.10008.1.2.1.99 is not read"), "{err}");
        let mut truncated = file(EXPLICIT_LITTLE, &element(0x0010, 0x0010, b"PN", b"HONG"));
        truncated.truncate(truncated.len() - 2);
        assert!(named_patient_tags(&truncated).is_err());
    }
}
