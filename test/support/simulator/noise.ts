import {
  aesDecryptGCM,
  aesEncryptGCM,
  Curve,
  hkdf,
  NOISE_MODE,
  NOISE_WA_HEADER,
  proto,
  sha256,
} from "@whiskeysockets/baileys";
import type { KeyPair } from "./certificates.ts";

const EMPTY = Buffer.alloc(0);
/** Largest frame the simulator accepts; pre-key uploads are the biggest (~40 KB). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

function iv(counter: number): Buffer {
  const out = Buffer.alloc(12);
  out.writeUInt32BE(counter, 8);
  return out;
}

function split64(input: Uint8Array, salt: Uint8Array): [Buffer, Buffer] {
  const key = Buffer.from(hkdf(Buffer.from(input), 64, { salt: Buffer.from(salt), info: "" }));
  return [key.subarray(0, 32), key.subarray(32)];
}

/** Post-handshake cipher: one key and counter per direction, no associated data. */
export class NoiseTransport {
  private readCounter = 0;
  private writeCounter = 0;
  constructor(
    private readonly encKey: Buffer,
    private readonly decKey: Buffer,
  ) {}

  encrypt(plaintext: Uint8Array): Buffer {
    return aesEncryptGCM(plaintext, this.encKey, iv(this.writeCounter++), EMPTY);
  }

  decrypt(ciphertext: Uint8Array): Buffer {
    return aesDecryptGCM(ciphertext, this.decKey, iv(this.readCounter++), EMPTY);
  }
}

/** Responder side of WhatsApp's Noise XX handshake (mirror of Baileys' noise-handler). */
export class NoiseResponder {
  // NOISE_MODE is exactly 32 bytes, so it is the initial hash as is.
  private hash: Buffer = Buffer.from(NOISE_MODE);
  private salt: Buffer = this.hash;
  private key: Buffer = this.hash;
  private counter = 0;
  private readonly ephemeral = Curve.generateKeyPair();
  private clientEphemeral?: Buffer;

  constructor(
    private readonly staticKey: KeyPair,
    private readonly certChain: Uint8Array,
  ) {
    // The client mixes the plain WA header even when it prefixed routing info.
    this.authenticate(NOISE_WA_HEADER);
  }

  private authenticate(data: Uint8Array): void {
    this.hash = sha256(Buffer.concat([this.hash, data]));
  }

  private mixIntoKey(data: Uint8Array): void {
    const [salt, key] = split64(data, this.salt);
    this.salt = salt;
    this.key = key;
    this.counter = 0;
  }

  private encrypt(plaintext: Uint8Array): Buffer {
    const out = aesEncryptGCM(plaintext, this.key, iv(this.counter++), this.hash);
    this.authenticate(out);
    return out;
  }

  private decrypt(ciphertext: Uint8Array): Buffer {
    const out = aesDecryptGCM(ciphertext, this.key, iv(this.counter++), this.hash);
    this.authenticate(ciphertext);
    return out;
  }

  /** Consumes ClientHello, returns the encoded ServerHello frame payload. */
  serverHello(frame: Uint8Array): Uint8Array {
    const hello = proto.HandshakeMessage.decode(frame).clientHello;
    if (hello?.ephemeral?.length !== 32) {
      throw new Error("handshake: missing client ephemeral key");
    }
    this.clientEphemeral = Buffer.from(hello.ephemeral as Uint8Array);
    this.authenticate(this.clientEphemeral);
    this.authenticate(this.ephemeral.public);
    this.mixIntoKey(Curve.sharedKey(this.ephemeral.private, this.clientEphemeral));
    const staticEnc = this.encrypt(this.staticKey.public);
    this.mixIntoKey(Curve.sharedKey(this.staticKey.private, this.clientEphemeral));
    const payloadEnc = this.encrypt(this.certChain);
    return proto.HandshakeMessage.encode({
      serverHello: { ephemeral: this.ephemeral.public, static: staticEnc, payload: payloadEnc },
    }).finish();
  }

  /** Consumes ClientFinish: the client's static Noise key, its ClientPayload and the transport. */
  finish(frame: Uint8Array): {
    clientStatic: Buffer;
    payload: proto.ClientPayload;
    transport: NoiseTransport;
  } {
    if (!this.clientEphemeral) throw new Error("handshake: ClientFinish before ClientHello");
    const fin = proto.HandshakeMessage.decode(frame).clientFinish;
    if (!fin?.static || !fin.payload) throw new Error("handshake: malformed ClientFinish");
    const clientStatic = this.decrypt(fin.static);
    this.mixIntoKey(Curve.sharedKey(this.ephemeral.private, clientStatic));
    const payload = proto.ClientPayload.decode(this.decrypt(fin.payload));
    // The client writes with the first half and reads with the second.
    const [clientWrite, clientRead] = split64(EMPTY, this.salt);
    return { clientStatic, payload, transport: new NoiseTransport(clientRead, clientWrite) };
  }
}

/**
 * Splits the client byte stream into frames: an intro header once (`WA\x06\x03`, or
 * `ED\0\1` + routing info + that header), then 3-byte big-endian length prefixes.
 */
export class FrameReader {
  private buf: Buffer = EMPTY;
  private sawIntro = false;

  push(data: Buffer, onFrame: (frame: Buffer) => void): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : data;
    if (!this.sawIntro) {
      const skip = this.introLength();
      if (skip === undefined) return;
      this.buf = this.buf.subarray(skip);
      this.sawIntro = true;
    }
    while (this.buf.length >= 3) {
      const size = (this.buf[0] << 16) | (this.buf[1] << 8) | this.buf[2];
      if (size > MAX_FRAME_BYTES) throw new Error(`frame too large: ${size}`);
      if (this.buf.length < size + 3) break;
      const frame = this.buf.subarray(3, size + 3);
      this.buf = this.buf.subarray(size + 3);
      onFrame(frame);
    }
    // Do not pin a large chunk for a small remainder.
    if (this.buf.length === 0) this.buf = EMPTY;
  }

  private introLength(): number | undefined {
    const b = this.buf;
    if (b.length < 4) return undefined;
    if (b[0] === 0x45 && b[1] === 0x44) {
      if (b.length < 7) return undefined;
      const routingLen = (b[4] << 16) | b.readUInt16BE(5);
      const total = 7 + routingLen + NOISE_WA_HEADER.length;
      return b.length < total ? undefined : total;
    }
    if (b[0] !== 0x57 || b[1] !== 0x41) throw new Error("bad intro header");
    return NOISE_WA_HEADER.length;
  }
}

/** 3-byte big-endian length prefix + data. */
export function encodeFrame(data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(3 + data.length);
  out[0] = (data.length >>> 16) & 0xff;
  out[1] = (data.length >>> 8) & 0xff;
  out[2] = data.length & 0xff;
  out.set(data, 3);
  return out;
}
