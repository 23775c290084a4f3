import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { PrismaClient } from "../db/client.ts";
import { SecretBox } from "../db/secret-box.ts";

export type Principal = { kind: "account" } | { kind: "instance"; instanceId: string };

export interface IssuedToken {
  token: string;
  tokenId: string;
  issuedAt: number;
}

const ACCOUNT_TOKEN_HASH = "accountTokenHash";
const JWT_SECRET = "jwtSecret";
const JWT_SECRET_PURPOSE = "ServerSetting.jwtSecret";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The account (admin) token and the per-instance JWTs. Only the account token's hash is
 * stored; an instance JWT is signed deterministically from its id and issue time, so it
 * can be shown again without being stored, and rotating its id revokes the old one.
 */
export class TokenService {
  private constructor(
    private readonly prisma: PrismaClient,
    private readonly accountTokenHash: string,
    private readonly key: Uint8Array,
  ) {}

  /**
   * Loads or creates the server secrets; `generatedAccountToken` is set only on first start.
   * The stored signing key is sealed with `box`.
   */
  static async init(
    prisma: PrismaClient,
    configured: { accountToken?: string; jwtSecret?: string },
    box: SecretBox,
  ): Promise<{ tokens: TokenService; generatedAccountToken?: string }> {
    let generatedAccountToken: string | undefined;
    let accountTokenHash: string;
    if (configured.accountToken) {
      accountTokenHash = sha256(configured.accountToken);
    } else {
      const stored = await prisma.serverSetting.findUnique({ where: { key: ACCOUNT_TOKEN_HASH } });
      if (stored) {
        accountTokenHash = stored.value;
      } else {
        generatedAccountToken = `wag_${randomBytes(24).toString("base64url")}`;
        accountTokenHash = sha256(generatedAccountToken);
        await prisma.serverSetting.create({ data: { key: ACCOUNT_TOKEN_HASH, value: accountTokenHash } });
      }
    }
    // A stored key is opened (and sealed, if plain) even when JWT_SECRET is set: it proves
    // the secrets key is the right one and leaves nothing readable in the database.
    let secret = await storedJwtSecret(prisma, box);
    if (configured.jwtSecret) {
      secret = configured.jwtSecret;
    } else if (!secret) {
      secret = randomBytes(32).toString("base64url");
      await prisma.serverSetting.create({
        data: { key: JWT_SECRET, value: box.seal(secret, JWT_SECRET_PURPOSE) },
      });
    }
    const tokens = new TokenService(prisma, accountTokenHash, new TextEncoder().encode(secret));
    return { tokens, generatedAccountToken };
  }

  async issue(instanceId: string): Promise<IssuedToken> {
    const tokenId = randomUUID();
    const issuedAt = Math.floor(Date.now() / 1000);
    return { token: await this.sign(instanceId, tokenId, issuedAt), tokenId, issuedAt };
  }

  /** The current JWT of an instance, rebuilt from its stored id and issue time. */
  sign(instanceId: string, tokenId: string, issuedAt: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(instanceId)
      .setJti(tokenId)
      .setIssuedAt(issuedAt)
      .sign(this.key);
  }

  isAccountTokenHash(hash: string): boolean {
    return sameHash(hash, this.accountTokenHash);
  }

  /**
   * Who a raw token belongs to, or null when it is not a valid current token. A token that is
   * not one of the gateway's JWTs may still be an instance's chosen token, whatever it looks like.
   */
  async resolve(raw: string): Promise<Principal | null> {
    const hash = sha256(raw);
    if (sameHash(hash, this.accountTokenHash)) return { kind: "account" };
    const signed = raw.split(".").length === 3 ? await this.verified(raw) : undefined;
    if (signed) {
      const auth = await this.prisma.auth.findUnique({ where: { instanceId: signed.instanceId } });
      return auth?.tokenId === signed.tokenId ? { kind: "instance", instanceId: signed.instanceId } : null;
    }
    const auth = await this.prisma.auth.findUnique({ where: { customTokenHash: hash } });
    return auth ? { kind: "instance", instanceId: auth.instanceId } : null;
  }

  /** The instance and token id of a JWT this gateway signed, or undefined. */
  private async verified(raw: string): Promise<{ instanceId: string; tokenId: string } | undefined> {
    try {
      const { payload } = await jwtVerify(raw, this.key, { algorithms: ["HS256"] });
      return payload.sub && payload.jti ? { instanceId: payload.sub, tokenId: payload.jti } : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The stored JWT signing key in plain text, sealing it first when it is stored plain. */
async function storedJwtSecret(prisma: PrismaClient, box: SecretBox): Promise<string | undefined> {
  const stored = await prisma.serverSetting.findUnique({ where: { key: JWT_SECRET } });
  if (!stored) return undefined;
  const secret = box.open(stored.value, JWT_SECRET_PURPOSE);
  if (!SecretBox.isSealed(stored.value)) {
    // Guarded by the old value: another node may have sealed it meanwhile.
    await prisma.serverSetting.updateMany({
      where: { key: JWT_SECRET, value: stored.value },
      data: { value: box.seal(secret, JWT_SECRET_PURPOSE) },
    });
  }
  return secret;
}

/** The token of a request, from the header each API family uses. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const authorization = first(headers.authorization);
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match) return match[1].trim();
  }
  return first(headers.apikey)?.trim() || first(headers.token)?.trim() || undefined;
}
