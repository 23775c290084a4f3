import { type BinaryNode, S_WHATSAPP_NET } from "@whiskeysockets/baileys";
import type { SimCore } from "./core.ts";
import type { CompanionDevice, ResolvedJid } from "./directory.ts";
import { groupIq } from "./group-iq.ts";
import type { KeyBundle } from "./signal.ts";
import {
  bytesOf,
  child,
  children,
  firstChildTag,
  iqResult,
  keyBundleUser,
  newServerTag,
  nowSeconds,
  parsePreKeys,
  parseSignedPreKey,
  uintOf,
} from "./stanzas.ts";

// Baileys re-uploads when the server reports this many or fewer (MIN_PREKEY_COUNT).
const PREKEY_LOW_WATERMARK = 5;

/**
 * Answers an iq from a logged-in companion. Every iq gets at least an empty result:
 * Baileys waits defaultQueryTimeoutMs (60 s) for unanswered ones.
 */
export function handleIq(core: SimCore, device: CompanionDevice, node: BinaryNode): BinaryNode {
  const xmlns = node.attrs.xmlns;
  const first = firstChildTag(node);
  switch (xmlns) {
    case "encrypt":
      return encryptIq(core, device, node, first);
    case "usync":
      return usync(core, node);
    case "w:sync:app:state":
      return appStateSync(device, node);
    case "privacy":
      return first === "privacy" ? privacySettings(node) : iqResult(node);
    case "abt":
      return iqResult(node, [{ tag: "props", attrs: { protocol: "1", hash: "sim" } }]);
    case "blocklist":
      return iqResult(node, [{ tag: "list", attrs: {} }]);
    case "w:m":
      return iqResult(node, [
        {
          tag: "media_conn",
          attrs: { auth: "sim", ttl: "3600", auth_ttl: "3600", max_buckets: "1" },
          content: [{ tag: "host", attrs: { hostname: core.mediaHostname } }],
        },
      ]);
    case "w:g2":
      if (first === "participating") device.groupsFetched = true;
      return groupIq(core, device, node);
    case "md":
      if (first === "remove-companion-device") logoutDevice(core, device);
      return iqResult(node);
    default:
      // w:p ping, passive active, w:stats, status, profile pictures, ...
      return iqResult(node);
  }
}

function encryptIq(core: SimCore, device: CompanionDevice, node: BinaryNode, first?: string): BinaryNode {
  switch (first) {
    case "count":
      return iqResult(node, [{ tag: "count", attrs: { value: String(device.preKeys.count) } }]);
    case "digest":
      // Baileys only checks that a digest node exists; without one it re-uploads.
      return iqResult(node, [{ tag: "digest", attrs: {} }]);
    case "key":
      return keyBundles(core, node);
    case "rotate": {
      const skey = parseSignedPreKey(child(child(node, "rotate"), "skey"));
      if (skey) device.signedPreKey = skey;
      return iqResult(node);
    }
    default: {
      // Pre-key upload: registration, type, identity, list of keys, signed pre-key.
      const list = child(node, "list");
      if (list) {
        const registrationId = uintOf(child(node, "registration"));
        const identity = bytesOf(child(node, "identity"));
        const skey = parseSignedPreKey(child(node, "skey"));
        if (registrationId !== undefined) device.registrationId = registrationId;
        if (identity?.length === 32) device.identityKey = identity;
        if (skey) device.signedPreKey = skey;
        device.preKeys.add(parsePreKeys(list));
        device.lowPreKeysNotified = false;
      }
      return iqResult(node);
    }
  }
}

/** Key bundles, each under the exact jid asked (Baileys injects sessions by that jid). */
function keyBundles(core: SimCore, node: BinaryNode): BinaryNode {
  const users: BinaryNode[] = [];
  for (const user of children(child(node, "key"), "user")) {
    const jid = user.attrs.jid;
    const resolved = jid ? core.directory.resolve(jid) : undefined;
    const bundle = resolved ? bundleFor(core, resolved) : undefined;
    // Unknown devices are left out: an error child would fail the whole fetch.
    if (bundle) users.push(keyBundleUser(jid, bundle));
  }
  return iqResult(node, [{ tag: "list", attrs: {}, content: users }]);
}

export function bundleFor(core: SimCore, { user, device }: ResolvedJid): KeyBundle | undefined {
  if (device === 0) return user.endpoint().bundle();
  const companion = user.companions.get(device);
  if (!companion || companion.removed || !companion.identityKey || !companion.signedPreKey) return undefined;
  if (companion.registrationId === undefined) return undefined;
  const preKey = companion.preKeys.take();
  maybeNotifyLowPreKeys(core, companion);
  return {
    registrationId: companion.registrationId,
    identityKey: companion.identityKey,
    signedPreKey: companion.signedPreKey,
    preKey,
  };
}

/** PreKeyLow: the server tells a device to upload more when its stock runs out. */
function maybeNotifyLowPreKeys(core: SimCore, device: CompanionDevice): void {
  if (device.lowPreKeysNotified || device.preKeys.count >= PREKEY_LOW_WATERMARK || !device.stream) return;
  device.lowPreKeysNotified = true;
  core.deliver(device, {
    tag: "notification",
    attrs: { from: S_WHATSAPP_NET, type: "encrypt", id: newServerTag(), t: nowSeconds() },
    content: [{ tag: "count", attrs: { value: String(device.preKeys.count) } }],
  });
}

function usync(core: SimCore, node: BinaryNode): BinaryNode {
  const request = child(node, "usync");
  const query = child(request, "query")?.content;
  const protocols = new Set(Array.isArray(query) ? query.map((p) => p.tag) : []);
  const out: BinaryNode[] = [];
  for (const user of children(child(request, "list"), "user")) {
    const phone = bytesOf(child(user, "contact"))?.toString("utf8");
    const jid = user.attrs.jid ?? (phone ? `${phone.replace(/\D/g, "")}@s.whatsapp.net` : undefined);
    const resolved = jid ? core.directory.resolve(jid) : undefined;
    if (!jid || !resolved) {
      if (jid && protocols.has("contact"))
        out.push({ tag: "user", attrs: { jid }, content: [{ tag: "contact", attrs: { type: "out" } }] });
      continue;
    }
    const content: BinaryNode[] = [];
    for (const protocol of protocols) {
      const answer = usyncAnswer(protocol, resolved);
      if (answer) content.push(answer);
    }
    out.push({ tag: "user", attrs: { jid }, content });
  }
  return iqResult(node, [
    {
      tag: "usync",
      attrs: {
        sid: request?.attrs.sid ?? newServerTag(),
        mode: request?.attrs.mode ?? "query",
        context: request?.attrs.context ?? "interactive",
        index: "0",
        last: "true",
      },
      content: [
        { tag: "result", attrs: {} },
        { tag: "list", attrs: {}, content: out },
      ],
    },
  ]);
}

function usyncAnswer(protocol: string, { user, server }: ResolvedJid): BinaryNode | undefined {
  switch (protocol) {
    case "devices": {
      const devices: BinaryNode[] = [{ tag: "device", attrs: { id: "0" } }];
      // An account's own list includes the asking device; Baileys filters it out.
      for (const companion of user.activeCompanions()) {
        devices.push({
          tag: "device",
          attrs: { id: String(companion.id), "key-index": String(companion.keyIndex) },
        });
      }
      return {
        tag: "devices",
        attrs: {},
        content: [
          { tag: "device-list", attrs: {}, content: devices },
          { tag: "key-index-list", attrs: { ts: nowSeconds() } },
        ],
      };
    }
    case "lid":
      return server === "lid" ? undefined : { tag: "lid", attrs: { val: user.lidJid } };
    case "contact":
      return { tag: "contact", attrs: { type: "in" } };
    case "status":
      return {
        tag: "status",
        attrs: { t: nowSeconds() },
        content: Buffer.from("Hey there! I am using WhatsApp."),
      };
    case "disappearing_mode":
      return { tag: "disappearing_mode", attrs: { duration: "0", t: "0" } };
    default:
      return undefined;
  }
}

/**
 * The patches of each asked collection newer than the device's version (none, until the
 * phone changed something: Baileys finishes its initial sync without patches).
 */
function appStateSync(device: CompanionDevice, node: BinaryNode): BinaryNode {
  const appState = device.user.appState();
  const collections = children(child(node, "sync"), "collection").map((c) =>
    appState.collectionNode(c.attrs.name, Number(c.attrs.version ?? "0")),
  );
  return iqResult(node, [{ tag: "sync", attrs: {}, content: collections }]);
}

function privacySettings(node: BinaryNode): BinaryNode {
  const categories = [
    "readreceipts",
    "last",
    "online",
    "profile",
    "status",
    "groupadd",
    "calladd",
    "messages",
  ];
  return iqResult(node, [
    {
      tag: "privacy",
      attrs: {},
      content: categories.map((name) => ({
        tag: "category",
        attrs: { name, value: "all" },
      })),
    },
  ]);
}

/** The client logged itself out (sock.logout()): the device is gone for good. */
export function logoutDevice(core: SimCore, device: CompanionDevice): void {
  device.removed = true;
  device.preKeys.clear();
  device.offline.drain();
  core.log(`device ${device.pnJid} removed`);
}
