import { randomBytes } from "node:crypto";
import {
  type BinaryNode,
  encodeBigEndian,
  getBinaryNodeChild,
  getBinaryNodeChildren,
  KEY_BUNDLE_TYPE,
  type proto,
  S_WHATSAPP_NET,
} from "@whiskeysockets/baileys";
import type { PreKey, SignedPreKey } from "./directory.ts";
import type { KeyBundle } from "./signal.ts";

export const nowSeconds = (): string => Math.floor(Date.now() / 1000).toString();

/** Message ids in the style WhatsApp clients use. */
export const newMessageId = (): string => `3EB0${randomBytes(10).toString("hex").toUpperCase()}`;

let serverTag = 0;
/** Ids for iqs the server originates. */
export const newServerTag = (): string => `sim.${(++serverTag).toString(36)}`;

export function iqResult(request: BinaryNode, content?: BinaryNode[]): BinaryNode {
  return {
    tag: "iq",
    attrs: { id: request.attrs.id, type: "result", from: S_WHATSAPP_NET },
    ...(content ? { content } : {}),
  };
}

export const child = (node: BinaryNode | undefined, tag: string) => getBinaryNodeChild(node, tag);
export const children = (node: BinaryNode | undefined, tag: string) => getBinaryNodeChildren(node, tag);

/** First child's tag, as WhatsApp dispatches iqs by it. */
export function firstChildTag(node: BinaryNode): string | undefined {
  return Array.isArray(node.content) ? node.content[0]?.tag : undefined;
}

export function bytesOf(node: BinaryNode | undefined): Buffer | undefined {
  const c = node?.content;
  if (c instanceof Uint8Array) return Buffer.from(c);
  if (typeof c === "string") return Buffer.from(c, "utf8");
  return undefined;
}

export function uintOf(node: BinaryNode | undefined): number | undefined {
  const b = bytesOf(node);
  if (!b || b.length === 0 || b.length > 6) return undefined;
  return b.readUIntBE(0, b.length);
}

/** `<stream:error>` as WhatsApp ends a stream. */
export function streamError(code?: number, conflict?: string): BinaryNode {
  const content: BinaryNode[] = [];
  if (conflict) content.push({ tag: "conflict", attrs: { type: conflict } });
  return {
    tag: "stream:error",
    attrs: code === undefined ? {} : { code: String(code) },
    ...(content.length ? { content } : {}),
  };
}

export function pairDevice(refs: string[]): BinaryNode {
  return {
    tag: "iq",
    attrs: { id: newServerTag(), type: "set", xmlns: "md", from: S_WHATSAPP_NET },
    content: [
      {
        tag: "pair-device",
        attrs: {},
        content: refs.map((ref) => ({ tag: "ref", attrs: {}, content: Buffer.from(ref) })),
      },
    ],
  };
}

export function keyBundleUser(jid: string, bundle: KeyBundle): BinaryNode {
  const content: BinaryNode[] = [
    { tag: "registration", attrs: {}, content: encodeBigEndian(bundle.registrationId, 4) },
    { tag: "type", attrs: {}, content: KEY_BUNDLE_TYPE },
    { tag: "identity", attrs: {}, content: Buffer.from(bundle.identityKey).subarray(-32) },
    signedPreKeyNode(bundle.signedPreKey),
  ];
  if (bundle.preKey) content.push(preKeyNode(bundle.preKey));
  return { tag: "user", attrs: { jid }, content };
}

function signedPreKeyNode(key: SignedPreKey): BinaryNode {
  return {
    tag: "skey",
    attrs: {},
    content: [
      { tag: "id", attrs: {}, content: encodeBigEndian(key.keyId, 3) },
      { tag: "value", attrs: {}, content: key.public },
      { tag: "signature", attrs: {}, content: key.signature },
    ],
  };
}

function preKeyNode(key: PreKey): BinaryNode {
  return {
    tag: "key",
    attrs: {},
    content: [
      { tag: "id", attrs: {}, content: encodeBigEndian(key.keyId, 3) },
      { tag: "value", attrs: {}, content: key.public },
    ],
  };
}

export function parseSignedPreKey(node: BinaryNode | undefined): SignedPreKey | undefined {
  const keyId = uintOf(child(node, "id"));
  const pub = bytesOf(child(node, "value"));
  const signature = bytesOf(child(node, "signature"));
  if (keyId === undefined || !pub || !signature) return undefined;
  return { keyId, public: pub, signature };
}

export function parsePreKeys(list: BinaryNode | undefined): PreKey[] {
  const out: PreKey[] = [];
  for (const key of children(list, "key")) {
    const keyId = uintOf(child(key, "id"));
    const pub = bytesOf(child(key, "value"));
    if (keyId !== undefined && pub?.length === 32) out.push({ keyId, public: pub });
  }
  return out;
}

export function offlineMarker(count: number): BinaryNode {
  return { tag: "ib", attrs: {}, content: [{ tag: "offline", attrs: { count: String(count) } }] };
}

/** Extracts readable text from a decrypted message, if it has any. */
export function textOf(message: proto.IMessage | null | undefined): string | undefined {
  if (!message) return undefined;
  const inner =
    message.ephemeralMessage?.message ??
    message.viewOnceMessage?.message ??
    message.deviceSentMessage?.message ??
    message;
  return (
    inner.conversation ??
    inner.extendedTextMessage?.text ??
    inner.imageMessage?.caption ??
    inner.videoMessage?.caption ??
    undefined
  );
}
