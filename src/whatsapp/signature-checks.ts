import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { Curve, WA_CERT_DETAILS } from "@whiskeysockets/baileys";

/** WhatsApp's root certificate key (the one Baileys ships as `WA_CERT_DETAILS.PUBLIC_KEY`). */
export const WHATSAPP_ROOT_KEY = Buffer.from(
  "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b",
  "hex",
);

/** Successful checks remembered; a server's certificate chain needs two. */
const REMEMBERED = 256;

/** The Curve25519 key type byte libsignal expects in front of a 32-byte public key. */
const KEY_TYPE = Buffer.from([5]);

type Verify = typeof Curve.verify;

// The libsignal copy Baileys itself loads, resolved from Baileys' own location.
const baileysMain = createRequire(import.meta.url).resolve("@whiskeysockets/baileys");
const libsignalCurve = createRequire(baileysMain)("libsignal/src/curve.js") as {
  verifySignature(publicKey: Buffer, message: Uint8Array, signature: Uint8Array): boolean;
};

let trustedRoot: Buffer = WHATSAPP_ROOT_KEY;
let installed = false;

/**
 * Makes every login really check the server's certificate chain, trusting `rootKey` only.
 *
 * Baileys 7.0.0-rc14 verifies the chain in its Noise handshake with `Curve.verify`: the
 * intermediate certificate against `WA_CERT_DETAILS.PUBLIC_KEY`, the leaf against the
 * intermediate. But its `Curve.verify` discards libsignal's answer and accepts any
 * well-formed signature, so any server would pass. `Curve` is the one exported object
 * Baileys reads at each call, so it is replaced once for the process: with libsignal's
 * real XEdDSA check, and with the root Baileys names swapped for the root trusted here.
 * `WA_CERT_DETAILS` itself is never changed. Baileys' other caller of `Curve.verify` (the
 * phone's signature over a newly linked device) gets the real check as well.
 *
 * A check costs about 7 ms of pure JavaScript and every login needs two, a third of the CPU
 * of reopening saved sessions; the chain is the same for every connection to a server, so
 * successful checks are remembered (failures never are).
 */
export function verifyCertificateChains(rootKey: Uint8Array = WHATSAPP_ROOT_KEY): void {
  trustedRoot = Buffer.from(rootKey);
  if (installed) return;
  installed = true;
  const verify = remembering(verifySignature);
  Curve.verify = (publicKey, message, signature) =>
    verify(isBaileysRoot(publicKey) ? trustedRoot : publicKey, message, signature);
}

/** The key Baileys checks the intermediate certificate against (read at each call). */
function isBaileysRoot(publicKey: Uint8Array): boolean {
  return Buffer.from(publicKey).equals(WA_CERT_DETAILS.PUBLIC_KEY);
}

/** libsignal's XEdDSA check, with its answer; malformed input is a failed check. */
export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = publicKey.length === 32 ? Buffer.concat([KEY_TYPE, publicKey]) : Buffer.from(publicKey);
    return libsignalCurve.verifySignature(key, message, signature) === true;
  } catch {
    return false;
  }
}

/** `verify`, with its successful results remembered (at most REMEMBERED of them). */
export function remembering(verify: Verify): Verify {
  const verified = new Set<string>();
  return (publicKey, message, signature) => {
    const hash = createHash("sha256");
    for (const part of [publicKey, message, signature]) {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(part.length);
      hash.update(length).update(part);
    }
    const key = hash.digest("base64");
    if (verified.has(key)) return true;
    const valid = verify(publicKey, message, signature);
    if (valid) {
      if (verified.size >= REMEMBERED) verified.delete(verified.values().next().value as string);
      verified.add(key);
    }
    return valid;
  };
}
