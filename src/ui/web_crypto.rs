//! Protects a backup with a passphrase, and opens one, with the browser's own
//! Web Crypto (issue 25): AES-GCM with a 256-bit key derived from the
//! passphrase by PBKDF2-SHA-256 (`encrypted::MIN_ITERATIONS` iterations), a
//! random 16-byte salt and 12-byte IV from `crypto.getRandomValues`. The
//! envelope the file is written in, and its checks, are the model's
//! (`model/files/encrypted.rs`). The passphrase is only passed through: it is
//! never kept here or anywhere else.
//!
//! Only the Your data pages call this, so it is in their part of the module,
//! not the first download. Web Crypto is reached through `js_sys::Reflect`
//! rather than web-sys's typed bindings on purpose: every typed binding adds
//! an import to the JavaScript glue, which every visitor downloads first,
//! while these calls go through imports the app already has.

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::files::encrypted::{self, Envelope, IV_BYTES, MIN_ITERATIONS, SALT_BYTES};

/// Why a backup could not be protected or opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// AES-GCM refused the data: the passphrase is wrong, or the encrypted
    /// data was changed after it was written (the two look the same).
    WrongPassphrase,
    /// The file is not an envelope the app can open (the model's words).
    Envelope(encrypted::EnvelopeError),
    /// The browser has no Web Crypto here (a page not served securely) or
    /// failed for its own reasons.
    Browser(String),
}

impl CryptoError {
    pub fn message(&self) -> String {
        match self {
            CryptoError::WrongPassphrase => "The passphrase is not right for this file. Check it and try again (passphrases are case sensitive). If it is right, the file has been changed since it was protected and cannot be opened".into(),
            CryptoError::Envelope(e) => e.message(),
            CryptoError::Browser(what) => format!("Your browser could not do this ({what})"),
        }
    }
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Whether this browser can protect a backup here: why not, if it cannot
/// (a page not served securely has no Web Crypto).
pub fn available() -> Result<(), CryptoError> {
    WebCrypto::new().map(drop)
}

/// `text` (a backup) encrypted under `passphrase`, as the envelope's JSON.
pub async fn encrypt(text: &str, passphrase: &str) -> Result<String, CryptoError> {
    let web = WebCrypto::new()?;
    let salt = web.random_bytes(SALT_BYTES)?;
    let iv = web.random_bytes(IV_BYTES)?;
    let key = web
        .derive_key(passphrase, &salt, MIN_ITERATIONS, "encrypt")
        .await?;
    let plain = web.utf8(text)?;
    let sealed = web
        .subtle_call("encrypt", &[&aes_gcm(&iv), &key, &plain])
        .await
        .map_err(browser_error)?;
    let data = bytes_from_js(&web.view(&sealed)?)?;
    Ok(Envelope::new(
        MIN_ITERATIONS,
        &bytes_from_js(&salt)?,
        &bytes_from_js(&iv)?,
        &data,
    )
    .to_json())
}

/// The backup inside `envelope` (its JSON text), opened with `passphrase`.
/// A damaged or foreign file is refused before anything is derived.
pub async fn decrypt(envelope: &str, passphrase: &str) -> Result<String, CryptoError> {
    let sealed = encrypted::open_envelope(envelope).map_err(CryptoError::Envelope)?;
    let web = WebCrypto::new()?;
    let salt = web.bytes_to_js(&sealed.salt)?;
    let iv = web.bytes_to_js(&sealed.iv)?;
    let data = web.bytes_to_js(&sealed.data)?;
    let key = web
        .derive_key(passphrase, &salt, sealed.iterations, "decrypt")
        .await?;
    let plain = web
        .subtle_call("decrypt", &[&aes_gcm(&iv), &key, &data])
        .await
        .map_err(|e| match error_name(&e).as_deref() {
            Some("OperationError") => CryptoError::WrongPassphrase,
            _ => browser_error(e),
        })?;
    // Fatal: text that is not UTF-8 is refused rather than patched.
    let options = Object::new();
    set(&options, "fatal", &JsValue::TRUE)?;
    let decoder = web.construct("TextDecoder", &[&"utf-8".into(), &options])?;
    call(&decoder, "decode", &[&plain])
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            CryptoError::Envelope(encrypted::EnvelopeError::Damaged(
                "what it holds is not text".into(),
            ))
        })
}

/// The browser's `crypto`, its `subtle` part and the global object.
struct WebCrypto {
    global: JsValue,
    crypto: JsValue,
    subtle: JsValue,
}

impl WebCrypto {
    fn new() -> Result<WebCrypto, CryptoError> {
        let global: JsValue = js_sys::global().into();
        let crypto = get(&global, "crypto").map_err(browser_error)?;
        // `crypto.subtle` is missing where the page is not served securely.
        let subtle = get(&crypto, "subtle")
            .ok()
            .filter(|s| !s.is_undefined() && !s.is_null())
            .ok_or_else(|| {
                CryptoError::Browser(
                    "it only protects files on a page served securely, over https".into(),
                )
            })?;
        Ok(WebCrypto {
            global,
            crypto,
            subtle,
        })
    }

    /// `new Name(args…)` for one of the browser's constructors.
    fn construct(&self, name: &str, args: &[&JsValue]) -> Result<JsValue, CryptoError> {
        let constructor: Function = get(&self.global, name)
            .map_err(browser_error)?
            .unchecked_into();
        Reflect::construct(&constructor, &array(args)).map_err(browser_error)
    }

    /// `length` random bytes from the browser's cryptographic source.
    fn random_bytes(&self, length: usize) -> Result<JsValue, CryptoError> {
        let bytes = self.construct("Uint8Array", &[&(length as f64).into()])?;
        call(&self.crypto, "getRandomValues", &[&bytes]).map_err(browser_error)?;
        Ok(bytes)
    }

    /// `text` as UTF-8 bytes.
    fn utf8(&self, text: &str) -> Result<JsValue, CryptoError> {
        let encoder = self.construct("TextEncoder", &[])?;
        call(&encoder, "encode", &[&text.into()]).map_err(browser_error)
    }

    /// A `Uint8Array` over an `ArrayBuffer`.
    fn view(&self, buffer: &JsValue) -> Result<JsValue, CryptoError> {
        self.construct("Uint8Array", &[buffer])
    }

    /// Rust bytes copied into a new `Uint8Array`.
    fn bytes_to_js(&self, bytes: &[u8]) -> Result<JsValue, CryptoError> {
        let array = self.construct("Uint8Array", &[&(bytes.len() as f64).into()])?;
        array.unchecked_ref::<Uint8Array>().copy_from(bytes);
        Ok(array)
    }

    /// `crypto.subtle.method(args…)`, awaited.
    async fn subtle_call(&self, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        let promise = call(&self.subtle, method, args)?;
        JsFuture::from(js_sys::Promise::from(promise)).await
    }

    /// The AES-GCM-256 key PBKDF2-SHA-256 derives from the passphrase, for
    /// `usage` ("encrypt" or "decrypt") only, and not extractable.
    async fn derive_key(
        &self,
        passphrase: &str,
        salt: &JsValue,
        iterations: u32,
        usage: &str,
    ) -> Result<JsValue, CryptoError> {
        let material = self
            .subtle_call(
                "importKey",
                &[
                    &"raw".into(),
                    &self.utf8(passphrase)?,
                    &"PBKDF2".into(),
                    &JsValue::FALSE,
                    &array(&[&"deriveKey".into()]),
                ],
            )
            .await
            .map_err(browser_error)?;
        let pbkdf2 = Object::new();
        set(&pbkdf2, "name", &"PBKDF2".into())?;
        set(&pbkdf2, "hash", &"SHA-256".into())?;
        set(&pbkdf2, "salt", salt)?;
        set(&pbkdf2, "iterations", &f64::from(iterations).into())?;
        let aes = Object::new();
        set(&aes, "name", &"AES-GCM".into())?;
        set(&aes, "length", &256.0.into())?;
        self.subtle_call(
            "deriveKey",
            &[
                &pbkdf2,
                &material,
                &aes,
                &JsValue::FALSE,
                &array(&[&usage.into()]),
            ],
        )
        .await
        .map_err(browser_error)
    }
}

/// The AES-GCM parameters for `iv` (its tag the default 128 bits).
fn aes_gcm(iv: &JsValue) -> JsValue {
    let params = Object::new();
    let _ = Reflect::set(&params, &"name".into(), &"AES-GCM".into());
    let _ = Reflect::set(&params, &"iv".into(), iv);
    params.into()
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), CryptoError> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(drop)
        .map_err(browser_error)
}

fn array(items: &[&JsValue]) -> Array {
    let array = Array::new();
    for (i, item) in items.iter().enumerate() {
        let _ = Reflect::set(&array, &(i as f64).into(), item);
    }
    array
}

/// `target.method(args…)`, through `Function.prototype.apply`, so any
/// number of arguments goes through the one call the app already imports.
fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method)?.unchecked_into();
    let apply: Function = get(&function, "apply")?.unchecked_into();
    apply.call2(&function, target, &array(args))
}

/// A `Uint8Array`'s bytes in Rust: each chunk turned into a string of
/// characters U+0000 to U+00FF by `String.fromCharCode`, one byte each (the
/// copy the app's glue already has, rather than another import).
fn bytes_from_js(bytes: &JsValue) -> Result<Vec<u8>, CryptoError> {
    // Small enough for `apply`'s argument list in every browser.
    const CHUNK: u32 = 8192;
    let length = get(bytes, "length")
        .ok()
        .and_then(|l| l.as_f64())
        .ok_or_else(|| CryptoError::Browser("no bytes came back".into()))? as u32;
    let global: JsValue = js_sys::global().into();
    let read = || -> Result<(Function, Function), JsValue> {
        let from_char_code: Function =
            get(&get(&global, "String")?, "fromCharCode")?.unchecked_into();
        let apply: Function = get(&from_char_code, "apply")?.unchecked_into();
        Ok((from_char_code, apply))
    };
    let (from_char_code, apply) = read().map_err(browser_error)?;
    let mut out = Vec::with_capacity(length as usize);
    let mut start = 0;
    while start < length {
        let end = (start + CHUNK).min(length);
        let chunk = call(
            bytes,
            "subarray",
            &[&f64::from(start).into(), &f64::from(end).into()],
        )
        .map_err(browser_error)?;
        // `String.fromCharCode.apply(null, chunk)`: the chunk is the argument list.
        let text = apply
            .call2(&from_char_code, &JsValue::NULL, &chunk)
            .map_err(browser_error)?
            .as_string()
            .ok_or_else(|| CryptoError::Browser("the bytes could not be read".into()))?;
        out.extend(text.chars().map(|c| c as u32 as u8));
        start = end;
    }
    Ok(out)
}

/// The `name` of a thrown `DOMException` (such as "OperationError").
fn error_name(error: &JsValue) -> Option<String> {
    get(error, "name").ok()?.as_string()
}

fn browser_error(error: JsValue) -> CryptoError {
    CryptoError::Browser(error_name(&error).unwrap_or_else(|| "an unknown error".into()))
}
