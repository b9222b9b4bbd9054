/**
 * Encryption of Gorgias API keys at rest: AES-256-GCM under CREDENTIALS_KEY.
 *
 * CREDENTIALS_KEY is deliberately separate from AUTH_SECRET: leaking the cookie-signing secret must
 * not also decrypt every agent's API key. The associated data binds a ciphertext to its row (the
 * agent id), so copying one agent's encrypted key onto another row fails to decrypt.
 */
import crypto, { type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** Stored with each ciphertext so a key rotation can tell old rows from new. */
export const CURRENT_KEY_VERSION = 1;
export const GENERATED_KEY_FILE = "credentials.key";

/** A KeyObject, so an accidental console.log prints `SecretKeyObject`, not the key bytes. */
export type CredentialsKey = { readonly key: KeyObject; readonly version: number };

export type Sealed = { ciphertext: Buffer; iv: Buffer; tag: Buffer; keyVersion: number };

export class CredentialsKeyError extends Error {
  override readonly name = "CredentialsKeyError";
}

/** Accepts 64 hex characters or base64/base64url of exactly 32 bytes. */
export function parseCredentialsKey(raw: string): Buffer {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new CredentialsKeyError(
    `CREDENTIALS_KEY must be ${KEY_BYTES} random bytes as 64 hex characters or base64 ` +
      `(generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))").`,
  );
}

export function credentialsKeyFromBytes(bytes: Buffer, version = CURRENT_KEY_VERSION): CredentialsKey {
  if (bytes.length !== KEY_BYTES) throw new CredentialsKeyError(`A credentials key is ${KEY_BYTES} bytes.`);
  return { key: crypto.createSecretKey(Buffer.from(bytes)), version };
}

export type LoadKeyOptions = {
  env: Record<string, string | undefined>;
  /** Where a development key is generated; `.data` under the working directory by default. */
  dataDir?: string;
};

/**
 * CREDENTIALS_KEY if set. Otherwise, outside production, a key generated once into
 * `<dataDir>/credentials.key` (mode 0600) and reused. In production a missing key is an error:
 * a generated key would differ per instance and vanish with the container.
 */
export function loadCredentialsKey({ env, dataDir }: LoadKeyOptions): CredentialsKey {
  const raw = env.CREDENTIALS_KEY?.trim();
  if (raw) {
    if (env.AUTH_SECRET && raw === env.AUTH_SECRET.trim()) {
      throw new CredentialsKeyError("CREDENTIALS_KEY must not be the same value as AUTH_SECRET.");
    }
    return credentialsKeyFromBytes(parseCredentialsKey(raw));
  }
  if (env.NODE_ENV === "production") {
    throw new CredentialsKeyError(
      "CREDENTIALS_KEY is required in production (32 random bytes, base64 or hex). It encrypts agents' " +
        "Gorgias API keys at rest and must be the same on every instance; it must differ from AUTH_SECRET.",
    );
  }
  const dir = dataDir ?? path.join(process.cwd(), ".data");
  return credentialsKeyFromBytes(readOrCreateKeyFile(path.join(dir, GENERATED_KEY_FILE)));
}

function readOrCreateKeyFile(file: string): Buffer {
  const existing = readKeyFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written to a private temp file and linked into place, so a concurrent reader never sees a
  // half-written key and two first runs racing agree on whichever link landed first.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, `${crypto.randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const created = readKeyFile(file);
  if (!created) throw new CredentialsKeyError(`Could not create ${file}.`);
  return created;
}

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  if (process.platform !== "win32" && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  try {
    return parseCredentialsKey(text);
  } catch {
    throw new CredentialsKeyError(`${file} does not hold a valid credentials key; remove it to generate a new one.`);
  }
}

type KeyGlobal = typeof globalThis & { __gorgiasDeskCredentialsKey?: CredentialsKey };

/** The process key from process.env, loaded once (same globalThis reasoning as the store handle). */
export function getCredentialsKey(): CredentialsKey {
  const g = globalThis as KeyGlobal;
  return (g.__gorgiasDeskCredentialsKey ??= loadCredentialsKey({ env: process.env }));
}

export function encryptSecret(key: CredentialsKey, plaintext: string, aad: string): Sealed {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag(), keyVersion: key.version };
}

export class DecryptError extends Error {
  override readonly name = "DecryptError";
}

/** Throws DecryptError on any tampering, wrong key or wrong AAD; never returns garbage. */
export function decryptSecret(key: CredentialsKey, sealed: Sealed, aad: string): string {
  if (sealed.keyVersion !== key.version) {
    throw new DecryptError(`Secret was sealed with key version ${sealed.keyVersion}, current is ${key.version}.`);
  }
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
    throw new DecryptError("Malformed sealed secret.");
  }
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("Secret failed authentication (wrong key, wrong row, or tampered).");
  }
}
