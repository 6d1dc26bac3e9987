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
//! Reading checks every length against `MAX_IMPORT_BYTES` before allocating,
//! and a damaged text is an error, never a panic, so it can be kept aside.

use super::formats::MAX_IMPORT_BYTES;

/// What starts a packed text (followed by the revision).
const MARKER: &str = "commissioning-workbook:lz4:1:";
/// Each character carries 15 bits, offset past the control characters; the
/// highest (U+809F) is far below the surrogates, so any browser stores it as
/// one UTF-16 unit.
const BITS_PER_CHAR: u32 = 15;
const FIRST_CHAR: u32 = 0xA0;

/// Compresses and packs compact JSON (see the module's description).
pub fn pack(json: &str, revision: u64) -> String {
    let compressed = lz4_flex::block::compress(json.as_bytes());
    let chars = (compressed.len() * 8).div_ceil(BITS_PER_CHAR as usize);
    let mut out = String::with_capacity(64 + chars * 3);
    out.push_str(MARKER);
    out.push_str(&format!("{revision}:{}:{}:", json.len(), compressed.len()));
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
    text.starts_with(MARKER)
}

/// The revision in a packed text's header; `None` for any other text or a
/// header cut short.
pub fn packed_revision(opening: &str) -> Option<u64> {
    let rest = opening.strip_prefix(MARKER)?;
    let (digits, _) = rest.split_once(':')?;
    digits.parse().ok()
}

/// The JSON inside a packed text, or why it cannot be had.
pub fn unpack(text: &str) -> Result<String, String> {
    let rest = text
        .strip_prefix(MARKER)
        .ok_or("it does not start with the packed header")?;
    let mut fields = rest.splitn(4, ':');
    let mut number = |what: &str| -> Result<usize, String> {
        fields
            .next()
            .and_then(|f| f.parse::<usize>().ok())
            .ok_or(format!("its header has no {what}"))
    };
    let _revision = number("revision")?;
    let json_len = number("length")?;
    let compressed_len = number("compressed length")?;
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
    String::from_utf8(json).map_err(|_| "it unpacks to text that is not UTF-8".into())
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
