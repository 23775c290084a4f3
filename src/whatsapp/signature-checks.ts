import { createHash } from "node:crypto";
import { Curve } from "@whiskeysockets/baileys";

/** Successful checks remembered; a server's certificate chain needs two. */
const REMEMBERED = 256;

let installed = false;

/**
 * Every login checks the server's certificate chain: two XEdDSA signatures, verified by
 * Baileys in pure JavaScript for about 7 ms each, which is a third of the CPU of reopening
 * saved sessions. The chain is the same for every connection to a server and a check depends
 * on nothing but its inputs, so successful ones are remembered, keyed by a SHA-256 of the key,
 * the message and the signature (each with its length). Failures are never remembered.
 *
 * What is accepted does not change. (In Baileys 7.0.0-rc14 `Curve.verify` even answers true
 * for any well-formed signature: it discards the result of libsignal's check, and rejects only
 * malformed input, which is what this remembers.)
 */
export function rememberSignatureChecks(): void {
  if (installed) return;
  installed = true;
  Curve.verify = remembering(Curve.verify);
}

type Verify = typeof Curve.verify;

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
