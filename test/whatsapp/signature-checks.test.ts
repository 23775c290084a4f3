// Signature checks of the server's certificate chain: libsignal's real answer, remembered
// when it is a success, against the root key the gateway is told to trust.

import { Curve, WA_CERT_DETAILS } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import {
  remembering,
  verifyCertificateChains,
  verifySignature,
  WHATSAPP_ROOT_KEY,
} from "../../src/whatsapp/signature-checks.ts";

/** The real check, counted. */
function counted() {
  let calls = 0;
  const verify: typeof Curve.verify = (publicKey, message, signature) => {
    calls += 1;
    return verifySignature(publicKey, message, signature);
  };
  return { verify, calls: () => calls };
}

const signer = Curve.generateKeyPair();
const other = Curve.generateKeyPair();
const message = Buffer.from("certificate details");
const signature = Curve.sign(signer.private, message);
const tampered = Buffer.from(signature);
tampered[10] ^= 1;

describe("signature checks", () => {
  it("give libsignal's answer: a wrong key, message or signature, or malformed input, fails", () => {
    expect(verifySignature(signer.public, message, signature)).toBe(true);
    expect(verifySignature(other.public, message, signature)).toBe(false);
    expect(verifySignature(signer.public, Buffer.from("other details"), signature)).toBe(false);
    expect(verifySignature(signer.public, message, tampered)).toBe(false);
    expect(verifySignature(signer.public.subarray(1), message, signature)).toBe(false);
    expect(verifySignature(signer.public, message, signature.subarray(1))).toBe(false);
  });

  it("verify a valid signature only once", () => {
    const real = counted();
    const verify = remembering(real.verify);
    expect(verify(signer.public, message, signature)).toBe(true);
    expect(verify(signer.public, message, signature)).toBe(true);
    expect(real.calls()).toBe(1);
  });

  it("reject a wrong key, message or signature every time, even after a valid check", () => {
    const real = counted();
    const verify = remembering(real.verify);
    expect(verify(signer.public, message, signature)).toBe(true);
    for (let round = 0; round < 2; round++) {
      expect(verify(other.public, message, signature)).toBe(false);
      expect(verify(signer.public, Buffer.from("other details"), signature)).toBe(false);
      expect(verify(signer.public, message, tampered)).toBe(false);
    }
    // Failures are checked again each time: 1 valid + 2 rounds of 3 failures.
    expect(real.calls()).toBe(7);
  });
});

describe("Baileys' certificate chain check", () => {
  const root = Curve.generateKeyPair();
  const intermediate = Buffer.from("intermediate certificate details");
  const byRoot = Curve.sign(root.private, intermediate);
  const byOther = Curve.sign(other.private, intermediate);

  it("takes the configured root for the one Baileys names, and only that root", () => {
    verifyCertificateChains(root.public);
    // Baileys checks the intermediate certificate against WA_CERT_DETAILS.PUBLIC_KEY.
    expect(Curve.verify(WA_CERT_DETAILS.PUBLIC_KEY, intermediate, byRoot)).toBe(true);
    expect(Curve.verify(WA_CERT_DETAILS.PUBLIC_KEY, intermediate, byOther)).toBe(false);
    // Other checks (the leaf against the intermediate's key) are plain, real checks.
    expect(Curve.verify(signer.public, message, signature)).toBe(true);
    expect(Curve.verify(signer.public, message, tampered)).toBe(false);
    expect(Buffer.from(WA_CERT_DETAILS.PUBLIC_KEY).equals(WHATSAPP_ROOT_KEY)).toBe(true);
  });

  it("trusts WhatsApp's root again when none is configured", () => {
    verifyCertificateChains(root.public);
    verifyCertificateChains();
    expect(Curve.verify(WA_CERT_DETAILS.PUBLIC_KEY, intermediate, byRoot)).toBe(false);
  });
});
