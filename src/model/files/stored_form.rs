//! The form the workbook takes in the browser's local storage: its compact
//! JSON, LZ4-compressed and packed 15 bits to a character behind a short plain
//! header. Browsers allow a site about 5 million characters of local storage;
//! years of log entries and notes in plain JSON take half of that, packed about
//! a tenth. Backup files stay plain, pretty JSON (`backup::to_json`).
//!
//! The header says what follows and carries the save revision, so a tab can
//! tell another tab's save from the opening characters alone:
//!
//! ```text
//! commissioning-workbook:lz4:1:<revision>:<JSON bytes>:<compressed bytes>:<packed characters>
//! ```
//!
//! The workbook's own key holds version 2, which also names the sections
//! kept under keys of their own (`files::backup::to_storage_texts`), each
//! with the save that wrote it and its records counted for the home page:
//!
//! ```text
//! commissioning-workbook:lz4:2:<revision>:<JSON bytes>:<compressed bytes>:<sections>:<packed characters>
//! <sections>: placements=12/1/1000,group=9/2/0 (name=revision/count/count under them), or nothing
//! ```
//!
//! A section's own key holds version 1, a document of just that section.
//! Version 1 in the workbook's key (as earlier versions left it) is the
//! whole workbook, and is read as ever.
//!
//! Reading checks every length against `MAX_IMPORT_BYTES` before allocating,
//! and a damaged text is an error, never a panic, so it can be kept aside.

use super::formats::MAX_IMPORT_BYTES;

/// What starts a packed text (followed by the revision).
const MARKER: &str = "commissioning-workbook:lz4:1:";
/// What starts the workbook's own text when it names sections kept apart.
const MARKER_WITH_SECTIONS: &str = "commissioning-workbook:lz4:2:";

/// A section kept under a key of its own, as the workbook's text names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionApart {
    pub name: String,
    /// The save whose text of the section is under its key.
    pub revision: u64,
    /// Its records counted, as `Tally` counts them.
    pub tally: [usize; 2],
    /// The oldest change to its records after the workbook's last backup,
    /// in milliseconds since 1970 (the backup reminder's); none when there
    /// was none (an older header does not say).
    pub unbacked: Option<i64>,
}
/// Each character carries 15 bits, offset past the control characters; the
/// highest (U+809F) is far below the surrogates, so any browser stores it as
/// one UTF-16 unit.
const BITS_PER_CHAR: u32 = 15;
const FIRST_CHAR: u32 = 0xA0;

/// Compresses and packs compact JSON (see the module's description).
pub fn pack(json: &str, revision: u64) -> String {
    pack_as(MARKER, json, revision, "")
}

/// Packs the workbook's own JSON, naming the sections kept apart.
pub fn pack_with_sections(json: &str, revision: u64, sections: &[SectionApart]) -> String {
    let named: Vec<String> = sections
        .iter()
        .map(|s| {
            let unbacked = s.unbacked.map(|t| format!("/{t}")).unwrap_or_default();
            format!(
                "{}={}/{}/{}{unbacked}",
                s.name, s.revision, s.tally[0], s.tally[1]
            )
        })
        .collect();
    pack_as(
        MARKER_WITH_SECTIONS,
        json,
        revision,
        &(named.join(",") + ":"),
    )
}

fn pack_as(marker: &str, json: &str, revision: u64, sections: &str) -> String {
    let compressed = lz4_flex::block::compress(json.as_bytes());
    let chars = (compressed.len() * 8).div_ceil(BITS_PER_CHAR as usize);
    let mut out = String::with_capacity(64 + sections.len() + chars * 3);
    out.push_str(marker);
    out.push_str(&format!("{revision}:{}:{}:", json.len(), compressed.len()));
    out.push_str(sections);
    let mut bits: u32 = 0;
    let mut held: u32 = 0;
    for byte in compressed {
        bits = (bits << 8) | u32::from(byte);
        held += 8;
        if held >= BITS_PER_CHAR {
            held -= BITS_PER_CHAR;
            push_unit(&mut out, bits >> held);
            bits &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push_unit(&mut out, bits << (BITS_PER_CHAR - held));
    }
    out
}

fn push_unit(out: &mut String, value: u32) {
    // In range by construction: 15 bits plus the offset.
    out.push(char::from_u32(FIRST_CHAR + value).expect("packed unit is a character"));
}

/// Whether `text` is in the packed form (else it is plain JSON, as written by
/// earlier versions, by tests, or restored by hand).
pub fn is_packed(text: &str) -> bool {
    text.starts_with(MARKER) || text.starts_with(MARKER_WITH_SECTIONS)
}

/// The revision in a packed text's header; `None` for any other text or a
/// header cut short.
pub fn packed_revision(opening: &str) -> Option<u64> {
    let rest = opening
        .strip_prefix(MARKER)
        .or_else(|| opening.strip_prefix(MARKER_WITH_SECTIONS))?;
    let (digits, _) = rest.split_once(':')?;
    digits.parse().ok()
}

/// The JSON inside a packed text, or why it cannot be had. A text that
/// names sections kept apart is refused: its JSON is not the whole workbook
/// (`unpack_with_sections` reads it, with them).
pub fn unpack(text: &str) -> Result<String, String> {
    let (json, sections) = unpack_with_sections(text)?;
    if !sections.is_empty() {
        return Err("it holds only part of the workbook".into());
    }
    Ok(json)
}

/// The JSON inside a packed text and the sections its header names as kept
/// apart (none in version 1), or why they cannot be had.
pub fn unpack_with_sections(text: &str) -> Result<(String, Vec<SectionApart>), String> {
    let (rest, with_sections) = match text.strip_prefix(MARKER) {
        Some(rest) => (rest, false),
        None => (
            text.strip_prefix(MARKER_WITH_SECTIONS)
                .ok_or("it does not start with the packed header")?,
            true,
        ),
    };
    let mut fields = rest.splitn(if with_sections { 5 } else { 4 }, ':');
    let mut number = |what: &str| -> Result<usize, String> {
        fields
            .next()
            .and_then(|f| f.parse::<usize>().ok())
            .ok_or(format!("its header has no {what}"))
    };
    let _revision = number("revision")?;
    let json_len = number("length")?;
    let compressed_len = number("compressed length")?;
    let sections = if with_sections {
        read_sections(fields.next().ok_or("its header has no list of sections")?)?
    } else {
        Vec::new()
    };
    let packed = fields.next().ok_or("it has nothing after its header")?;
    if json_len > MAX_IMPORT_BYTES || compressed_len > MAX_IMPORT_BYTES {
        return Err("its header claims more than this app will read".into());
    }
    let mut compressed = Vec::with_capacity(compressed_len);
    let mut bits: u32 = 0;
    let mut held: u32 = 0;
    for c in packed.chars() {
        if compressed.len() == compressed_len {
            return Err("it is longer than its header says".into());
        }
        let value = u32::from(c)
            .checked_sub(FIRST_CHAR)
            .filter(|v| *v < 1 << BITS_PER_CHAR)
            .ok_or("it holds a character the packed form never uses")?;
        // At most 7 bits are held over from the last character, so this fits.
        bits = (bits << BITS_PER_CHAR) | value;
        held += BITS_PER_CHAR;
        while held >= 8 && compressed.len() < compressed_len {
            held -= 8;
            compressed.push((bits >> held) as u8);
        }
        bits &= (1 << held) - 1;
    }
    if compressed.len() != compressed_len {
        return Err("it is shorter than its header says".into());
    }
    let mut json = vec![0; json_len];
    let written = lz4_flex::block::decompress_into(&compressed, &mut json)
        .map_err(|_| "its compressed data is damaged".to_string())?;
    if written != json_len {
        return Err("it unpacks to a different length than its header says".into());
    }
    let json = String::from_utf8(json).map_err(|_| "it unpacks to text that is not UTF-8")?;
    Ok((json, sections))
}

/// `placements=12/1/1000/1796464800000,group=9/2/0`, or nothing (the fourth
/// number, when there is one, is `unbacked`). (Read in the first
/// download, so written plainly: every byte of it is in every visit's.)
fn read_sections(list: &str) -> Result<Vec<SectionApart>, String> {
    let mut sections = Vec::new();
    for entry in list.split(',').filter(|entry| !entry.is_empty()) {
        let read = entry.split_once('=').and_then(|(name, numbers)| {
            let mut numbers = numbers.split('/').map(str::parse::<u64>);
            let revision = numbers.next()?.ok()?;
            let first = numbers.next()?.ok()?;
            let second = numbers.next()?.ok()?;
            let unbacked = match numbers.next() {
                Some(at) => Some(i64::try_from(at.ok()?).ok()?),
                None => None,
            };
            let named =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            (named && numbers.next().is_none()).then(|| SectionApart {
                name: name.to_string(),
                revision,
                tally: [first as usize, second as usize],
                unbacked,
            })
        });
        sections.push(read.ok_or("its list of sections cannot be read")?);
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn packing_round_trips_and_is_much_shorter() {
        let json = r#"{"format":"commissioning-workbook","entries":["#.to_string()
            + &r#"{"what_done":"Met the finance lead about the frailty pathway","minutes":60},"#
                .repeat(500)
            + "{}]}";
        let packed = pack(&json, 42);
        assert!(is_packed(&packed));
        assert_eq!(packed_revision(&packed), Some(42));
        assert_eq!(unpack(&packed).unwrap(), json);
        let units = packed.encode_utf16().count();
        assert!(
            units * 10 < json.len(),
            "{units} units for {} bytes",
            json.len()
        );
        // Every character is one UTF-16 unit, none a control character.
        assert_eq!(units, packed.chars().count());
        assert!(packed.chars().all(|c| !c.is_control()));
    }

    #[test]
    fn the_header_names_the_app() {
        // So a person who finds the text in their browser's storage can tell whose it is.
        assert!(MARKER.starts_with(crate::model::files::formats::FORMAT_NAME));
    }

    #[test]
    fn plain_json_is_not_packed() {
        assert!(!is_packed(r#"{"format":"commissioning-workbook"}"#));
        assert_eq!(packed_revision(r#"{"revision":3}"#), None);
        assert!(unpack("{}").is_err());
    }

    #[test]
    fn a_header_cut_short_gives_no_revision() {
        assert_eq!(packed_revision(&format!("{MARKER}12")), None);
        assert_eq!(packed_revision(&format!("{MARKER}12:")), Some(12));
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let packed = pack(&"{\"a\":\"some text, some text\"}".repeat(20), 1);
        let cut = &packed[..packed.len() - 6];
        assert!(unpack(cut).is_err());
        let longer = format!("{packed}\u{a0}");
        assert!(unpack(&longer).unwrap_err().contains("longer"));
        let huge = format!("{MARKER}1:999999999999:10:abc");
        assert!(unpack(&huge).unwrap_err().contains("more than"));
        let wrong_char = format!("{MARKER}1:10:2:\u{1}");
        assert!(unpack(&wrong_char).is_err());
        let lies_about_length = packed.replacen(":560:", ":559:", 1);
        assert_ne!(lies_about_length, packed);
        assert!(unpack(&lies_about_length).is_err());
    }

    #[test]
    fn the_workbooks_own_text_names_its_sections_kept_apart() {
        let sections = vec![
            SectionApart {
                name: "placements".into(),
                revision: 12,
                tally: [1, 1000],
                unbacked: Some(1_796_464_800_000),
            },
            SectionApart {
                name: "group".into(),
                revision: 9,
                tally: [2, 0],
                unbacked: None,
            },
        ];
        let packed = pack_with_sections(r#"{"revision":13}"#, 13, &sections);
        assert!(packed.starts_with("commissioning-workbook:lz4:2:13:15:"));
        assert!(packed.contains(":placements=12/1/1000/1796464800000,group=9/2/0:"));
        assert!(is_packed(&packed));
        assert_eq!(packed_revision(&packed), Some(13));
        let (json, read) = unpack_with_sections(&packed).unwrap();
        assert_eq!(json, r#"{"revision":13}"#);
        assert_eq!(read, sections);
        // Not the whole workbook: refused where the whole is expected.
        assert!(unpack(&packed).unwrap_err().contains("only part"));
        // None kept apart: read as the whole.
        let none = pack_with_sections("{}", 2, &[]);
        assert_eq!(unpack_with_sections(&none).unwrap(), ("{}".into(), vec![]));
        assert_eq!(unpack(&none).unwrap(), "{}");
        // Version 1 names none.
        assert_eq!(unpack_with_sections(&pack("{}", 2)).unwrap().1, vec![]);
    }

    #[test]
    fn a_damaged_list_of_sections_is_an_error() {
        for list in [
            "placements=12/1",
            "placements=x/1/2",
            "Placements=1/1/1",
            "=1/1/1",
            "placements",
        ] {
            // The empty list is the "::" after the lengths.
            let packed = pack_with_sections("{}", 2, &[]).replacen("::", &format!(":{list}:"), 1);
            assert!(packed.contains(&format!(":{list}:")));
            assert!(unpack_with_sections(&packed).is_err(), "{list}: {packed:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in ".{0,400}", revision in any::<u64>()) {
            let packed = pack(&text, revision);
            prop_assert_eq!(unpack(&packed).unwrap(), text);
            prop_assert_eq!(packed_revision(&packed), Some(revision));
        }

        #[test]
        fn any_damage_is_an_error_or_other_text_never_a_panic(
            text in ".{0,200}",
            at in any::<prop::sample::Index>(),
            replacement in any::<char>(),
        ) {
            let packed = pack(&text, 7);
            let mut chars: Vec<char> = packed.chars().collect();
            let i = at.index(chars.len());
            chars[i] = replacement;
            let damaged: String = chars.into_iter().collect();
            let _ = unpack(&damaged);
        }
    }
}
