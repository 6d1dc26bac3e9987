//! The envelope of a passphrase-protected backup (issue 25; the browser's
//! Web Crypto does the encrypting, in `ui/web_crypto.rs`). The file names its format, the key derivation and its parameters,
//! and the cipher, so any implementation of the same standards can open it:
//! AES-GCM with a 256-bit key derived from the passphrase by PBKDF2 with
//! SHA-256, at least `MIN_ITERATIONS` iterations, a random 16-byte salt and
//! a random 12-byte IV. This module checks an envelope before anything is
//! decrypted, so a damaged or foreign file is refused in words.

use serde::{Deserialize, Serialize};

use crate::model::common::validation::FieldError;

/// Names a passphrase-protected workbook backup.
pub const ENCRYPTED_FORMAT_NAME: &str = "commissioning-workbook-encrypted";
/// The version of the envelope's shape.
pub const ENCRYPTED_VERSION: u32 = 1;
/// OWASP's figure for PBKDF2-HMAC-SHA-256 (Password Storage Cheat Sheet, 2023).
pub const MIN_ITERATIONS: u32 = 600_000;
/// A hostile file could ask for billions of iterations and hold the page
/// for hours: more than this is refused (about 15 times the minimum, a few
/// seconds' work in a browser).
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// AES-GCM's authentication tag, at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct KeyDerivation {
    /// "PBKDF2".
    pub name: String,
    /// "SHA-256".
    pub hash: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Cipher {
    /// "AES-GCM".
    pub name: String,
    /// Key length in bits: 256.
    pub length: u32,
    /// Base64.
    pub iv: String,
}

/// A passphrase-protected backup as saved.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub kdf: KeyDerivation,
    pub cipher: Cipher,
    /// The backup's text, encrypted, in base64 (the tag at its end).
    pub data: String,
}

/// Why a file is not an envelope this app can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not a passphrase-protected backup at all (read it as a backup).
    NotEncrypted,
    /// Made by a newer version of the app.
    NewerVersion(u32),
    /// Something other than PBKDF2-SHA-256 and AES-GCM-256, or too few iterations.
    Unsupported(String),
    /// A part is missing, not base64, or the wrong length: the file is damaged.
    Damaged(String),
}

impl EnvelopeError {
    pub fn message(&self) -> String {
        match self {
            EnvelopeError::NotEncrypted => "This file is not protected with a passphrase".into(),
            EnvelopeError::NewerVersion(v) => format!(
                "This file was protected by a newer version of the workbook (version {v}): open it in the newest version"
            ),
            EnvelopeError::Unsupported(what) => {
                format!("This file is protected in a way the workbook cannot open: {what}")
            }
            EnvelopeError::Damaged(what) => format!(
                "This file is damaged ({what}), so it cannot be opened: nothing was changed"
            ),
        }
    }
}

/// True when `text` looks like a passphrase-protected backup (its format is
/// named near the start), so restore and merge know to ask for the passphrase.
pub fn looks_encrypted(text: &str) -> bool {
    // Bytes, not a `str` slice: 200 bytes in may fall inside a character.
    let start = &text.as_bytes()[..text.len().min(200)];
    start
        .windows(ENCRYPTED_FORMAT_NAME.len())
        .any(|w| w == ENCRYPTED_FORMAT_NAME.as_bytes())
}

/// The envelope's parts as bytes, decoded from base64 (after `read_envelope`
/// has checked them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// The ciphertext with AES-GCM's tag at its end.
    pub data: Vec<u8>,
}

impl Envelope {
    /// The envelope for a backup encrypted with AES-GCM-256 under a key
    /// from PBKDF2-SHA-256 with `iterations`, `salt` and `iv`.
    pub fn new(iterations: u32, salt: &[u8], iv: &[u8], data: &[u8]) -> Envelope {
        Envelope {
            format: ENCRYPTED_FORMAT_NAME.into(),
            version: ENCRYPTED_VERSION,
            kdf: KeyDerivation {
                name: "PBKDF2".into(),
                hash: "SHA-256".into(),
                iterations,
                salt: base64_encode(salt),
            },
            cipher: Cipher {
                name: "AES-GCM".into(),
                length: 256,
                iv: base64_encode(iv),
            },
            data: base64_encode(data),
        }
    }

    /// The file's text: pretty-printed, its format named first (so
    /// `looks_encrypted` finds it), the data last.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an envelope is plain JSON")
    }

    /// The salt, IV and data as bytes.
    pub fn sealed(&self) -> Result<Sealed, EnvelopeError> {
        let bytes = |what: &str, text: &str| {
            base64_decode(text)
                .ok_or_else(|| EnvelopeError::Damaged(format!("its {what} is not base64")))
        };
        Ok(Sealed {
            iterations: self.kdf.iterations,
            salt: bytes("salt", &self.kdf.salt)?,
            iv: bytes("IV", &self.cipher.iv)?,
            data: bytes("data", &self.data)?,
        })
    }
}

/// The file name for a protected copy of a backup named `name`
/// (`….json` → `…-protected.json`), so the two are told apart in a folder.
pub fn protected_file_name(name: &str) -> String {
    match name.strip_suffix(".json") {
        Some(stem) => format!("{stem}-protected.json"),
        None => format!("{name}-protected"),
    }
}

/// The fewest characters a new passphrase may have. Anyone holding the file
/// can guess at it offline, as fast as their computer allows: the National
/// Cyber Security Centre's "three random words" come to more than this.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// What is wrong with a new passphrase and its confirmation, for the fields
/// `passphrase_field` and `confirm_field`; nothing when it can be used.
pub fn check_new_passphrase(
    passphrase: &str,
    confirm: &str,
    passphrase_field: &'static str,
    confirm_field: &'static str,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let length = passphrase.chars().count();
    if passphrase.is_empty() {
        errors.push(FieldError::new(passphrase_field, "Enter a passphrase"));
    } else if length < MIN_PASSPHRASE_CHARS {
        errors.push(FieldError::new(
            passphrase_field,
            format!("The passphrase must be {MIN_PASSPHRASE_CHARS} characters or more"),
        ));
    }
    if !passphrase.is_empty() && confirm.is_empty() {
        errors.push(FieldError::new(confirm_field, "Enter the passphrase again"));
    } else if !passphrase.is_empty() && confirm != passphrase {
        errors.push(FieldError::new(
            confirm_field,
            "The passphrases do not match: enter the same passphrase twice",
        ));
    }
    errors
}

/// Reads, checks and decodes an envelope in one step: what decrypting needs.
pub fn open_envelope(text: &str) -> Result<Sealed, EnvelopeError> {
    read_envelope(text)?.sealed()
}

/// Reads and checks an envelope: every part there, the methods supported,
/// the salt, IV and data of the right lengths.
pub fn read_envelope(text: &str) -> Result<Envelope, EnvelopeError> {
    if !looks_encrypted(text) {
        return Err(EnvelopeError::NotEncrypted);
    }
    let envelope: Envelope = serde_json::from_str(text)
        .map_err(|_| EnvelopeError::Damaged("its parts cannot be read".into()))?;
    if envelope.format != ENCRYPTED_FORMAT_NAME {
        return Err(EnvelopeError::NotEncrypted);
    }
    if envelope.version > ENCRYPTED_VERSION {
        return Err(EnvelopeError::NewerVersion(envelope.version));
    }
    let kdf = &envelope.kdf;
    if kdf.name != "PBKDF2" || kdf.hash != "SHA-256" {
        return Err(EnvelopeError::Unsupported(format!(
            "{} with {}",
            kdf.name, kdf.hash
        )));
    }
    if kdf.iterations < MIN_ITERATIONS {
        return Err(EnvelopeError::Unsupported(format!(
            "{} iterations, fewer than the {MIN_ITERATIONS} it needs",
            kdf.iterations
        )));
    }
    if kdf.iterations > MAX_ITERATIONS {
        return Err(EnvelopeError::Unsupported(format!(
            "{} iterations, more than the {MAX_ITERATIONS} it allows",
            kdf.iterations
        )));
    }
    if envelope.cipher.name != "AES-GCM" || envelope.cipher.length != 256 {
        return Err(EnvelopeError::Unsupported(format!(
            "{} with a {}-bit key",
            envelope.cipher.name, envelope.cipher.length
        )));
    }
    let length = |what: &str, b64: &str| {
        base64_length(b64)
            .ok_or_else(|| EnvelopeError::Damaged(format!("its {what} is not base64")))
    };
    if length("salt", &kdf.salt)? != SALT_BYTES {
        return Err(EnvelopeError::Damaged(
            "its salt is the wrong length".into(),
        ));
    }
    if length("IV", &envelope.cipher.iv)? != IV_BYTES {
        return Err(EnvelopeError::Damaged("its IV is the wrong length".into()));
    }
    if length("data", &envelope.data)? <= TAG_BYTES {
        return Err(EnvelopeError::Damaged("its data is cut short".into()));
    }
    Ok(envelope)
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard, padded base64 (RFC 4648, section 4), as every Web Crypto
/// example and Node's `Buffer.toString("base64")` write it. (Written here:
/// the app has no base64 crate of its own, and this is a few lines.)
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64_ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes standard, padded base64 text holds; none when it is anything
/// else (another alphabet, missing padding, a stray character).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let length = base64_length(text)?;
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        b'=' => Some(0),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for quad in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for &c in quad {
            n = (n << 6) | u32::from(value(c)?);
        }
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    out.truncate(length);
    Some(out)
}

/// How many bytes standard, padded base64 text holds; none when it is not
/// standard padded base64.
pub fn base64_length(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes.len().is_multiple_of(4) {
        return None;
    }
    let padding = bytes.iter().rev().take_while(|b| **b == b'=').count();
    if padding > 2 {
        return None;
    }
    let body = &bytes[..bytes.len() - padding];
    let alphabet = |b: &u8| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/';
    body.iter()
        .all(alphabet)
        .then(|| bytes.len() / 4 * 3 - padding)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope() -> serde_json::Value {
        serde_json::json!({
            "format": ENCRYPTED_FORMAT_NAME,
            "version": 1,
            "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "AAECAwQFBgcICQoLDA0ODw=="},
            "cipher": {"name": "AES-GCM", "length": 256, "iv": "AAECAwQFBgcICQoL"},
            "data": "c2VjcmV0IHdvcmtib29rIHRleHQgYW5kIGEgdGFnISE=",
        })
    }

    fn read(value: &serde_json::Value) -> Result<Envelope, EnvelopeError> {
        read_envelope(&value.to_string())
    }

    #[test]
    fn base64_lengths_are_counted_and_other_text_refused() {
        assert_eq!(base64_length("AAECAwQFBgcICQoLDA0ODw=="), Some(16));
        assert_eq!(base64_length("AAECAwQFBgcICQoL"), Some(12));
        assert_eq!(base64_length("YQ=="), Some(1));
        assert_eq!(base64_length("YWI="), Some(2));
        assert_eq!(base64_length("YQ"), None);
        assert_eq!(base64_length("Y!=="), None);
        assert_eq!(base64_length(""), None);
    }

    #[test]
    fn base64_matches_rfc_4648_both_ways() {
        // RFC 4648, section 10.
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            if !plain.is_empty() {
                assert_eq!(base64_decode(encoded).unwrap(), plain.as_bytes());
            }
        }
        // Every byte value, as Node's Buffer writes them (both alphabet ends).
        let all: Vec<u8> = (0..=255).collect();
        let encoded = base64_encode(&all);
        assert!(encoded.starts_with("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"));
        assert!(encoded.ends_with("+/w=="));
        assert_eq!(base64_decode(&encoded).unwrap(), all);
        assert_eq!(base64_decode("Zm9v!mFy"), None);
        assert_eq!(base64_decode("Zm9vYmE"), None);
        assert_eq!(base64_decode("Zm9vYmE_"), None);
    }

    #[test]
    fn an_envelope_made_from_bytes_names_its_methods_and_reads_back() {
        let salt: Vec<u8> = (0..16).collect();
        let iv: Vec<u8> = (0..12).collect();
        let data = b"secret workbook text and a tag!!";
        let text = Envelope::new(MIN_ITERATIONS, &salt, &iv, data).to_json();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            envelope()
        );
        assert!(text.starts_with(
            "{\n  \"format\": \"commissioning-workbook-encrypted\",\n  \"version\": 1,"
        ));
        assert!(looks_encrypted(&text));
        assert_eq!(
            open_envelope(&text).unwrap(),
            Sealed {
                iterations: 600_000,
                salt,
                iv,
                data: data.to_vec()
            }
        );
        // A file cut anywhere is refused as damaged before anything is decrypted.
        for cut in [text.len() - 1, text.len() - 10, text.len() / 2, 60] {
            assert!(
                matches!(open_envelope(&text[..cut]), Err(EnvelopeError::Damaged(_))),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_wide_character_at_the_200th_byte_does_not_hide_the_format() {
        let protected = format!(
            "{{\"format\":\"{ENCRYPTED_FORMAT_NAME}\",\"xx\":\"{}\"}}",
            "é".repeat(100)
        );
        assert!(!protected.is_char_boundary(200));
        assert!(looks_encrypted(&protected));
        let plain = protected.replace(ENCRYPTED_FORMAT_NAME, "commissioning-workbook");
        assert!(!looks_encrypted(&plain));
    }

    #[test]
    fn a_protected_backup_is_named_apart() {
        assert_eq!(
            protected_file_name("commissioning-workbook-2026-12-03.json"),
            "commissioning-workbook-2026-12-03-protected.json"
        );
        assert_eq!(protected_file_name("backup"), "backup-protected");
    }

    #[test]
    fn a_new_passphrase_must_be_long_enough_and_typed_twice_alike() {
        let check = |p: &str, c: &str| {
            check_new_passphrase(p, c, "p", "c")
                .into_iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(check("", ""), ["p: Enter a passphrase"]);
        assert_eq!(
            check("short words", "short words"),
            ["p: The passphrase must be 12 characters or more"]
        );
        assert_eq!(
            check("orange kettle harbour", ""),
            ["c: Enter the passphrase again"]
        );
        assert_eq!(
            check("orange kettle harbour", "orange kettle harbor"),
            ["c: The passphrases do not match: enter the same passphrase twice"]
        );
        assert!(check("orange kettle harbour", "orange kettle harbour").is_empty());
        // Characters, not bytes: 12 accented letters are enough.
        assert!(check(&"é".repeat(12), &"é".repeat(12)).is_empty());
        assert_eq!(check(&"é".repeat(11), &"é".repeat(11)).len(), 1);
    }

    #[test]
    fn a_good_envelope_is_read() {
        let e = read(&envelope()).unwrap();
        assert_eq!(e.kdf.iterations, 600_000);
        assert!(looks_encrypted(&envelope().to_string()));
        assert!(!looks_encrypted("{\"format\":\"commissioning-workbook\"}"));
        assert_eq!(
            read_envelope("{\"format\":\"commissioning-workbook\"}"),
            Err(EnvelopeError::NotEncrypted)
        );
    }

    #[test]
    fn weak_foreign_newer_or_damaged_envelopes_are_refused_in_words() {
        let with = |pointer: &str, value: serde_json::Value| {
            let mut e = envelope();
            *e.pointer_mut(pointer).unwrap() = value;
            read(&e)
        };
        assert!(matches!(
            with("/kdf/iterations", 1000.into()),
            Err(EnvelopeError::Unsupported(_))
        ));
        assert!(matches!(
            with("/kdf/iterations", 4_000_000_000u32.into()),
            Err(EnvelopeError::Unsupported(_))
        ));
        assert!(with("/kdf/iterations", MAX_ITERATIONS.into()).is_ok());
        assert!(matches!(
            with("/kdf/hash", "SHA-1".into()),
            Err(EnvelopeError::Unsupported(_))
        ));
        assert!(matches!(
            with("/cipher/length", 128.into()),
            Err(EnvelopeError::Unsupported(_))
        ));
        assert_eq!(
            with("/version", 2.into()),
            Err(EnvelopeError::NewerVersion(2))
        );
        assert!(matches!(
            with("/kdf/salt", "AAEC".into()),
            Err(EnvelopeError::Damaged(_))
        ));
        assert!(matches!(
            with("/cipher/iv", "not base64!".into()),
            Err(EnvelopeError::Damaged(_))
        ));
        assert!(matches!(
            with("/data", "YWI=".into()),
            Err(EnvelopeError::Damaged(_))
        ));
        let text = envelope().to_string();
        let cut = &text[..text.len() - 20];
        assert!(matches!(read_envelope(cut), Err(EnvelopeError::Damaged(_))));
        for e in [
            EnvelopeError::NotEncrypted,
            EnvelopeError::NewerVersion(2),
            EnvelopeError::Unsupported("x".into()),
            EnvelopeError::Damaged("x".into()),
        ] {
            assert!(!e.message().is_empty());
        }
    }
}
