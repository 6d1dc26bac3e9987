//! The envelope of a passphrase-protected backup (issue 25; the browser's
//! Web Crypto does the encrypting, and the pages that use it are not built
//! yet). The file names its format, the key derivation and its parameters,
//! and the cipher, so any implementation of the same standards can open it:
//! AES-GCM with a 256-bit key derived from the passphrase by PBKDF2 with
//! SHA-256, at least `MIN_ITERATIONS` iterations, a random 16-byte salt and
//! a random 12-byte IV. This module checks an envelope before anything is
//! decrypted, so a damaged or foreign file is refused in words.

use serde::{Deserialize, Serialize};

/// Names a passphrase-protected workbook backup.
pub const ENCRYPTED_FORMAT_NAME: &str = "commissioning-workbook-encrypted";
/// The version of the envelope's shape.
pub const ENCRYPTED_VERSION: u32 = 1;
/// OWASP's figure for PBKDF2-HMAC-SHA-256 (Password Storage Cheat Sheet, 2023).
pub const MIN_ITERATIONS: u32 = 600_000;
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
    text.get(..text.len().min(200))
        .is_some_and(|start| start.contains(ENCRYPTED_FORMAT_NAME))
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
