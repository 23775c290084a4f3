import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { Curve, proto, WA_CERT_DETAILS } from "@whiskeysockets/baileys";

export type KeyPair = { public: Buffer; private: Buffer };

// DER prefix of a PKCS#8 X25519 private key; the raw 32-byte key follows it.
const X25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");

export function newKeyPair(): KeyPair {
  const pair = Curve.generateKeyPair();
  return { public: Buffer.from(pair.public), private: Buffer.from(pair.private) };
}

/** Curve25519 key pair derived from a seed, so separate processes agree on it. */
export function keyPairFromSeed(seed: string): KeyPair {
  const priv = createHash("sha256").update(seed).digest();
  // Clamp like X25519 does, so the signing and agreement code see the same scalar.
  priv[0] &= 248;
  priv[31] &= 127;
  priv[31] |= 64;
  const key = createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_PREFIX, priv]),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(key).export({ format: "der", type: "spki" });
  return { private: priv, public: Buffer.from(spki.subarray(spki.length - 32)) };
}

/**
 * Root of the simulator's certificate chain. Fixed seed: a Baileys process that trusts it
 * can talk to a simulator running in another process.
 */
export const TEST_ROOT_KEY: { public: Uint8Array; private: Uint8Array } = keyPairFromSeed(
  "whatsapp-simulator/test-root-key/v1",
);

/**
 * Makes plain Baileys clients in THIS process (connectBaileys, the benchmarks' bare sockets)
 * take TEST_ROOT_KEY for WhatsApp's root. The gateway ignores this: it trusts the root of its
 * WA_ROOT_PUBLIC_KEY setting, whatever WA_CERT_DETAILS says.
 */
export function trustTestRootKey(): void {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(TEST_ROOT_KEY.public);
}

/**
 * Which certificate chain the server presents: a valid one (signed by TEST_ROOT_KEY), one
 * signed by a root nobody trusts, or one whose intermediate or leaf signature was altered.
 */
export type CertificateChainKind = "valid" | "unknown-root" | "tampered-intermediate" | "tampered-leaf";

/** Encoded CertChain (root -> intermediate -> leaf) for the server's static Noise key. */
export function buildCertChain(
  serverStaticPublic: Uint8Array,
  kind: CertificateChainKind = "valid",
): Uint8Array {
  const root = kind === "unknown-root" ? newKeyPair() : TEST_ROOT_KEY;
  const intermediate = Curve.generateKeyPair();
  const now = Math.floor(Date.now() / 1000);
  const Details = proto.CertChain.NoiseCertificate.Details;
  // Baileys requires issuerSerial 0 on the intermediate (WA_CERT_DETAILS.SERIAL).
  const intermediateDetails = Details.encode({
    serial: 1,
    issuerSerial: WA_CERT_DETAILS.SERIAL,
    key: intermediate.public,
    notBefore: now - 3600,
    notAfter: now + 365 * 86400,
  }).finish();
  const leafDetails = Details.encode({
    serial: 2,
    issuerSerial: 1,
    key: serverStaticPublic,
    notBefore: now - 3600,
    notAfter: now + 30 * 86400,
  }).finish();
  const intermediateSignature = Curve.sign(Buffer.from(root.private), Buffer.from(intermediateDetails));
  const leafSignature = Curve.sign(intermediate.private, Buffer.from(leafDetails));
  // One bit of the signature flipped: well-formed, but not what the key signed.
  if (kind === "tampered-intermediate") intermediateSignature[7] ^= 1;
  if (kind === "tampered-leaf") leafSignature[7] ^= 1;
  return proto.CertChain.encode({
    intermediate: { details: intermediateDetails, signature: intermediateSignature },
    leaf: { details: leafDetails, signature: leafSignature },
  }).finish();
}
