import { randomBytes } from "node:crypto";
import {
  type BinaryNode,
  encodeSyncdPatch,
  type LTHashState,
  newLTHashState,
  proto,
  S_WHATSAPP_NET,
  type WAPatchCreate,
  type WAPatchName,
} from "@whiskeysockets/baileys";
import type { User } from "./directory.ts";
import { newMessageId, newServerTag, nowSeconds } from "./stanzas.ts";

type Collection = { state: LTHashState; patches: { version: number; bytes: Uint8Array }[] };

/**
 * An account's app state (WhatsApp's syncd): what its phone changes about chats (read,
 * archived, pinned…) as patches per collection, encrypted with a sync key the phone shares
 * with its linked devices. The phone writes patches with Baileys' own encoder, the way one
 * device of an account writes for the others; linked devices fetch them after a
 * `server_sync` notification.
 */
export class AppState {
  private readonly keyId = randomBytes(6);
  private readonly key: proto.Message.IAppStateSyncKeyData = {
    keyData: randomBytes(32),
    fingerprint: { rawId: 1, currentIndex: 0, deviceIndexes: [0] },
    timestamp: Date.now(),
  };
  private readonly collections = new Map<string, Collection>();

  /** Adds a patch with one mutation; returns the collection's new version. */
  async add(mutation: WAPatchCreate): Promise<number> {
    const collection = this.collection(mutation.type);
    const keyId = this.keyId.toString("base64");
    const { patch, state } = await encodeSyncdPatch(mutation, keyId, collection.state, async (id) =>
      id === keyId ? this.key : undefined,
    );
    const bytes = proto.SyncdPatch.encode({ ...patch, version: { version: state.version } }).finish();
    collection.state = state;
    collection.patches.push({ version: state.version, bytes });
    return state.version;
  }

  /** A collection's patches newer than `version`, as a `w:sync:app:state` answer lists them. */
  collectionNode(name: string, version: number): BinaryNode {
    const collection = this.collections.get(name);
    const newer = collection?.patches.filter((patch) => patch.version > version) ?? [];
    if (!collection || newer.length === 0) {
      return { tag: "collection", attrs: { name, version: String(version) } };
    }
    return {
      tag: "collection",
      attrs: { name, version: String(collection.state.version) },
      content: [
        {
          tag: "patches",
          attrs: {},
          content: newer.map((patch) => ({ tag: "patch", attrs: {}, content: patch.bytes })),
        },
      ],
    };
  }

  /** The phone's message to one of its devices that hands over the sync key (from its own number). */
  keyShareMessage(owner: User): BinaryNode {
    const message = proto.Message.encode({
      protocolMessage: {
        type: proto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE,
        appStateSyncKeyShare: { keys: [{ keyId: { keyId: this.keyId }, keyData: this.key }] },
      },
    }).finish();
    return {
      tag: "message",
      attrs: { from: owner.pnJid, id: newMessageId(), t: nowSeconds(), type: "text" },
      content: [{ tag: "plaintext", attrs: {}, content: message }],
    };
  }

  private collection(name: WAPatchName): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = { state: newLTHashState(), patches: [] };
      this.collections.set(name, collection);
    }
    return collection;
  }
}

/** The server telling a device that a collection changed (Baileys then fetches its patches). */
export function serverSync(name: string, version: number): BinaryNode {
  return {
    tag: "notification",
    attrs: { from: S_WHATSAPP_NET, type: "server_sync", id: newServerTag(), t: nowSeconds() },
    content: [{ tag: "collection", attrs: { name, version: String(version) } }],
  };
}
