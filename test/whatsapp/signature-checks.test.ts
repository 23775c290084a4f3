// Remembered signature checks: the same answers as the check they wrap, without repeating
// its work for inputs it already accepted.

import { Curve } from "@whiskeysockets/baileys";
import * as curve from "libsignal/src/curve.js";
import { describe, expect, it } from "vitest";
import { remembering } from "../../src/whatsapp/signature-checks.ts";

/**
 * libsignal's XEdDSA check, counted. (Baileys' own `Curve.verify` cannot tell a wrong key
 * from the right one, see signature-checks.ts, so it would not show what is remembered.)
 */
function counted() {
  let calls = 0;
  const verify: typeof Curve.verify = (publicKey, message, signature) => {
    calls += 1;
    const key = Buffer.concat([Buffer.from([5]), publicKey]);
    return curve.verifySignature(key, Buffer.from(message), Buffer.from(signature)) as boolean;
  };
  return { verify, calls: () => calls };
}

describe("remembered signature checks", () => {
  const signer = Curve.generateKeyPair();
  const other = Curve.generateKeyPair();
  const message = Buffer.from("certificate details");
  const signature = Curve.sign(signer.private, message);

  it("answers like the real check and verifies a valid signature only once", () => {
    const real = counted();
    const verify = remembering(real.verify);
    expect(verify(signer.public, message, signature)).toBe(true);
    expect(verify(signer.public, message, signature)).toBe(true);
    expect(real.calls()).toBe(1);
  });

  it("rejects a wrong key, message or signature every time, even after a valid check", () => {
    const real = counted();
    const verify = remembering(real.verify);
    expect(verify(signer.public, message, signature)).toBe(true);
    const tampered = Buffer.from(signature);
    tampered[10] ^= 1;
    for (let round = 0; round < 2; round++) {
      expect(verify(other.public, message, signature)).toBe(false);
      expect(verify(signer.public, Buffer.from("other details"), signature)).toBe(false);
      expect(verify(signer.public, message, tampered)).toBe(false);
    }
    // Failures are checked again each time: 1 valid + 2 rounds of 3 failures.
    expect(real.calls()).toBe(7);
  });
});
