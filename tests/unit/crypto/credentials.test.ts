import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  credentialsKeyFromBytes,
  CredentialsKeyError,
  decryptSecret,
  DecryptError,
  encryptSecret,
  GENERATED_KEY_FILE,
  IV_BYTES,
  loadCredentialsKey,
  parseCredentialsKey,
  type Sealed,
} from "@/lib/crypto/credentials";

const key = credentialsKeyFromBytes(crypto.randomBytes(32));
const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "gd-crypto-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const flipBit = (b: Buffer, index: number) => {
  const copy = Buffer.from(b);
  copy[index % copy.length]! ^= 0x01;
  return copy;
};

describe("encryptSecret / decryptSecret", () => {
  it("round-trips any string with any AAD", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ maxLength: 64 }), (secret, aad) => {
        expect(decryptSecret(key, encryptSecret(key, secret, aad), aad)).toBe(secret);
      }),
    );
  });

  it("uses a fresh IV every time and never contains the plaintext", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 100 }), (secret) => {
        const a = encryptSecret(key, secret, "row");
        const b = encryptSecret(key, secret, "row");
        expect(a.iv.length).toBe(IV_BYTES);
        expect(a.iv.equals(b.iv)).toBe(false);
        expect(a.ciphertext.includes(Buffer.from(secret))).toBe(false);
      }),
    );
  });

  it("detects any single-bit tampering of ciphertext, IV or tag", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.constantFrom<keyof Pick<Sealed, "ciphertext" | "iv" | "tag">>("ciphertext", "iv", "tag"),
        fc.nat(),
        (secret, field, index) => {
          const sealed = encryptSecret(key, secret, "agent-1");
          const tampered = { ...sealed, [field]: flipBit(sealed[field], index) };
          expect(() => decryptSecret(key, tampered, "agent-1")).toThrow(DecryptError);
        },
      ),
    );
  });

  it("fails with the wrong AAD (a ciphertext moved to another row) or the wrong key", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        fc.pre(a !== b);
        const sealed = encryptSecret(key, "api-key", a);
        expect(() => decryptSecret(key, sealed, b)).toThrow(DecryptError);
      }),
    );
    const sealed = encryptSecret(key, "api-key", "x");
    expect(() => decryptSecret(credentialsKeyFromBytes(crypto.randomBytes(32)), sealed, "x")).toThrow(DecryptError);
  });

  it("rejects a key-version mismatch and malformed parts", () => {
    const sealed = encryptSecret(key, "k", "x");
    expect(() => decryptSecret(key, { ...sealed, keyVersion: 2 }, "x")).toThrow(/version 2/);
    expect(() => decryptSecret(key, { ...sealed, tag: sealed.tag.subarray(0, 8) }, "x")).toThrow(DecryptError);
    expect(() => decryptSecret(key, { ...sealed, iv: Buffer.alloc(16) }, "x")).toThrow(DecryptError);
  });

  it("does not reveal the key bytes when the key object is logged", () => {
    const bytes = crypto.randomBytes(32);
    const k = credentialsKeyFromBytes(bytes);
    const shown = JSON.stringify(k) + String(k.key) + inspect(k);
    expect(shown).not.toContain(bytes.toString("base64"));
    expect(shown).not.toContain(bytes.toString("hex"));
  });
});

describe("parseCredentialsKey", () => {
  it("accepts 32 bytes as hex, base64 and base64url", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (raw) => {
        const b = Buffer.from(raw);
        for (const text of [b.toString("hex"), b.toString("base64"), b.toString("base64url"), ` ${b.toString("base64")}\n`]) {
          expect(parseCredentialsKey(text).equals(b)).toBe(true);
        }
      }),
    );
  });

  it("rejects anything that is not exactly 32 bytes", () => {
    for (const bad of ["", "short", crypto.randomBytes(31).toString("base64"), crypto.randomBytes(33).toString("hex"), "z".repeat(64)]) {
      expect(() => parseCredentialsKey(bad)).toThrow(CredentialsKeyError);
    }
  });
});

describe("loadCredentialsKey", () => {
  const sealWith = (k: ReturnType<typeof loadCredentialsKey>) => encryptSecret(k, "probe", "aad");

  it("uses CREDENTIALS_KEY when set, in any environment, without touching the data dir", () => {
    const dataDir = tmpDir();
    const bytes = crypto.randomBytes(32);
    for (const NODE_ENV of ["production", "development", undefined]) {
      const k = loadCredentialsKey({ env: { CREDENTIALS_KEY: bytes.toString("base64"), NODE_ENV }, dataDir });
      expect(decryptSecret(credentialsKeyFromBytes(bytes), sealWith(k), "aad")).toBe("probe");
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("throws a clear error in production without CREDENTIALS_KEY, and generates nothing", () => {
    const dataDir = tmpDir();
    expect(() => loadCredentialsKey({ env: { NODE_ENV: "production", AUTH_SECRET: "s" }, dataDir })).toThrow(
      /CREDENTIALS_KEY is required in production/,
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("refuses an invalid CREDENTIALS_KEY and one equal to AUTH_SECRET", () => {
    expect(() => loadCredentialsKey({ env: { CREDENTIALS_KEY: "hunter2" } })).toThrow(CredentialsKeyError);
    const same = crypto.randomBytes(32).toString("base64");
    expect(() => loadCredentialsKey({ env: { CREDENTIALS_KEY: same, AUTH_SECRET: same } })).toThrow(/AUTH_SECRET/);
  });

  it("generates a 0600 key file once outside production and reuses it", () => {
    const dataDir = path.join(tmpDir(), ".data");
    const first = loadCredentialsKey({ env: { NODE_ENV: "development" }, dataDir });
    const file = path.join(dataDir, GENERATED_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(parseCredentialsKey(fs.readFileSync(file, "utf8"))).toHaveLength(32);
    const second = loadCredentialsKey({ env: {}, dataDir });
    expect(decryptSecret(second, sealWith(first), "aad")).toBe("probe");
    expect(fs.readdirSync(dataDir)).toEqual([GENERATED_KEY_FILE]);
  });

  it("tightens a key file that became group- or world-readable, and rejects a corrupt one", () => {
    const dataDir = tmpDir();
    loadCredentialsKey({ env: {}, dataDir });
    const file = path.join(dataDir, GENERATED_KEY_FILE);
    fs.chmodSync(file, 0o644);
    loadCredentialsKey({ env: {}, dataDir });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, "garbage");
    expect(() => loadCredentialsKey({ env: {}, dataDir })).toThrow(/does not hold a valid credentials key/);
  });
});
