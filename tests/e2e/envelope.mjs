// A protected backup's envelope made and opened by Node's own Web Crypto,
// written from the format the README documents, independently of the app:
// shared by the tests of protected backups and of the linked file.
import { webcrypto } from 'node:crypto';

/** Node's Web Crypto: the AES-GCM key PBKDF2-SHA-256 derives from a passphrase. */
async function nodeKey(passphrase, salt, iterations, usage) {
  const material = await webcrypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return webcrypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** `text` protected by Node, in the envelope the README describes. */
export async function nodeEncrypt(text, passphrase, iterations = 600000) {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const key = await nodeKey(passphrase, salt, iterations, 'encrypt');
  const data = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  return JSON.stringify({
    format: 'commissioning-workbook-encrypted',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) },
    cipher: { name: 'AES-GCM', length: 256, iv: b64(iv) },
    data: b64(data),
  });
}

/** The app's envelope opened by Node. */
export async function nodeDecrypt(envelopeText, passphrase) {
  const e = JSON.parse(envelopeText);
  const bytes = (b64) => new Uint8Array(Buffer.from(b64, 'base64'));
  const key = await nodeKey(passphrase, bytes(e.kdf.salt), e.kdf.iterations, 'decrypt');
  const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(e.cipher.iv) }, key, bytes(e.data));
  return new TextDecoder().decode(plain);
}

