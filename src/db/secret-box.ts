// Secrets kept in the database (the JWT signing key, webhook secrets and authorization
// values) are stored sealed with AES-256-GCM under a key that is never in the database,
// so a copy of the database alone does not give them away.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** A secret in storage: `enc:v1:<key id>:<base64url of iv, ciphertext, tag>`. */
const SEALED = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)$/;
const ANY_VERSION = /^enc:v\d+:/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed value lives; bound to the ciphertext so it cannot be moved elsewhere. */
type SecretPurpose =
  | "ServerSetting.jwtSecret"
  | "Webhook.secret"
  | "Webhook.authorization"
  | "RetiredWebhook.snapshot";

/** A key that does not open what the database holds, or a sealed value that was altered. */
export class SecretsKeyError extends Error {}

export class SecretBox {
  /** Short fingerprint stored with every sealed value, to name the key a value needs. */
  readonly keyId: string;
  private readonly cipherKey: Buffer;

  /** `source` says where the key came from, for error messages. */
  constructor(
    key: Buffer,
    readonly source: string,
  ) {
    if (key.length !== 32) throw new Error("a secrets key is 32 bytes");
    this.cipherKey = Buffer.from(hkdfSync("sha256", key, "", "wagraph secrets v1", 32));
    this.keyId = Buffer.from(hkdfSync("sha256", key, "", "wagraph secrets key id", 4)).toString("hex");
  }

  static isSealed(stored: string): boolean {
    return ANY_VERSION.test(stored);
  }

  seal(plain: string, purpose: SecretPurpose): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.cipherKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const blob = Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
    return `enc:v1:${this.keyId}:${blob}`;
  }

  /**
   * The plain secret. A value that is not sealed (written before secrets were encrypted)
   * is returned as it is.
   */
  open(stored: string, purpose: SecretPurpose): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const match = SEALED.exec(stored);
    if (!match) {
      throw new SecretsKeyError(`${purpose} is sealed in a format this version does not know`);
    }
    const [, keyId, blob] = match;
    if (keyId !== this.keyId) {
      throw new SecretsKeyError(
        `${purpose} was encrypted with secrets key ${keyId}, but the key in use (${this.source}) is ` +
          `${this.keyId}: start with the key the database was written with`,
      );
    }
    const bytes = Buffer.from(blob, "base64url");
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretsKeyError(`${purpose} is damaged`);
    const decipher = createDecipheriv("aes-256-gcm", this.cipherKey, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretsKeyError(`${purpose} is damaged or was altered: it does not authenticate`);
    }
  }
}
