import { randomBytes } from "node:crypto";
import { type BinaryNode, type proto, S_WHATSAPP_NET } from "@whiskeysockets/baileys";
import type { Connection, ConnectionHandlers } from "./connection.ts";
import type { SimCore } from "./core.ts";
import type { CompanionDevice, SignedPreKey } from "./directory.ts";
import { groupsDirty } from "./groups.ts";
import { historySyncMessages } from "./history.ts";
import { handleIq } from "./iq.ts";
import { ackFromClient, messageFromClient, receiptFromClient } from "./routing.ts";
import { child, nowSeconds, offlineMarker, pairDevice, streamError } from "./stanzas.ts";

/** A client showing QR codes, waiting for a phone to scan one. */
export type Registration = {
  kind: "registration";
  refs: string[];
  noiseKey: Buffer;
  registrationId: number;
  identityKey: Buffer;
  signedPreKey: SignedPreKey;
  pairing: boolean;
};

/**
 * rc14 always sends `<ib><unified_session>` right after it emits `open`; offline stanzas
 * wait for it because a marker processed before `open` would flush events out of order.
 */
const OPEN_FALLBACK_MS = 10_000;

/** A logged-in companion device. */
export type Login = { kind: "login"; device: CompanionDevice; opened: boolean; inFlight: boolean };

/** A login's stream opened or closed: it no longer counts as in flight. */
function landed(core: SimCore, login: Login): void {
  if (!login.inFlight) return;
  login.inFlight = false;
  core.stats.loginsInFlight -= 1;
}

export function registrationOf(conn: Connection): Registration | undefined {
  const state = conn.state as Registration | Login | undefined;
  return state?.kind === "registration" ? state : undefined;
}

function loginOf(conn: Connection): Login | undefined {
  const state = conn.state as Registration | Login | undefined;
  return state?.kind === "login" ? state : undefined;
}

export function createHandlers(core: SimCore): ConnectionHandlers {
  return {
    log: (msg, err) => core.log(msg, err),
    onHello(conn, payload, clientStatic) {
      core.stats.handshakes++;
      if (payload.devicePairingData) startRegistration(core, conn, payload, clientStatic);
      else if (payload.username !== undefined && payload.username !== null)
        startLogin(core, conn, payload, clientStatic);
      else conn.end({ tag: "failure", attrs: { reason: "400", location: "sim" } });
    },
    async onNode(conn, node) {
      core.stats.stanzasIn++;
      const login = loginOf(conn);
      if (login) return onLoginNode(core, conn, login, node);
      // Registering clients only answer our pair-device/pair-success iqs; be polite to the rest.
      if (node.tag === "iq" && (node.attrs.type === "get" || node.attrs.type === "set")) {
        conn.send({ tag: "iq", attrs: { id: node.attrs.id, type: "result", from: S_WHATSAPP_NET } });
      }
    },
    onClose(conn) {
      core.connections.delete(conn);
      const registration = registrationOf(conn);
      if (registration) {
        for (const ref of registration.refs) if (core.refs.get(ref) === conn) core.refs.delete(ref);
      }
      const login = loginOf(conn);
      if (login) {
        landed(core, login);
        const device = login.device;
        if (device.stream === conn) {
          device.stream = undefined;
          core.requeueUnacked(device);
        }
        if (device.pending === conn) device.pending = undefined;
      }
    },
  };
}

function startRegistration(
  core: SimCore,
  conn: Connection,
  payload: proto.ClientPayload,
  noiseKey: Buffer,
): void {
  const data = payload.devicePairingData;
  if (!data?.eIdent || !data.eRegid || !data.eSkeyId || !data.eSkeyVal || !data.eSkeySig) {
    conn.end({ tag: "failure", attrs: { reason: "400", location: "sim" } });
    return;
  }
  const refs = Array.from({ length: core.options.qrRefs }, () => `2@${randomBytes(33).toString("base64")}`);
  const registration: Registration = {
    kind: "registration",
    refs,
    noiseKey,
    registrationId: Buffer.from(data.eRegid).readUIntBE(0, data.eRegid.length),
    identityKey: Buffer.from(data.eIdent),
    signedPreKey: {
      keyId: Buffer.from(data.eSkeyId).readUIntBE(0, data.eSkeyId.length),
      public: Buffer.from(data.eSkeyVal),
      signature: Buffer.from(data.eSkeySig),
    },
    pairing: false,
  };
  conn.state = registration;
  for (const ref of refs) core.refs.set(ref, conn);
  conn.send(pairDevice(refs));
}

/** After the client signed the pairing: ask it to restart, as WhatsApp does (515). */
export function completeRegistration(core: SimCore, conn: Connection, device: CompanionDevice): void {
  const registration = registrationOf(conn);
  if (!registration) return;
  device.noiseKey = registration.noiseKey;
  device.registrationId = registration.registrationId;
  device.identityKey = registration.identityKey;
  device.signedPreKey = registration.signedPreKey;
  core.stats.pairings++;
  conn.end(streamError(515));
}

function startLogin(core: SimCore, conn: Connection, payload: proto.ClientPayload, noiseKey: Buffer): void {
  const phone = String(payload.username);
  const deviceId = Number(payload.device ?? 0);
  const fail = (reason: string) => conn.end({ tag: "failure", attrs: { reason, location: "sim" } });
  let user = core.directory.find(phone);
  let device = user?.companions.get(deviceId);
  if (!device) {
    if (!core.options.acceptUnknownDevices || deviceId === 0) {
      fail("401");
      return;
    }
    user ??= core.directory.user(phone);
    device = user.adoptCompanion(deviceId, core.options.offlineQueueLimit);
    device.noiseKey = noiseKey;
  }
  // Removed devices, or a device presenting another Noise key, are logged out.
  if (device.removed || (device.noiseKey && !device.noiseKey.equals(noiseKey))) {
    fail("401");
    return;
  }
  // A second login of the same device replaces the first stream.
  const previous = device.stream ?? device.pending;
  if (previous && previous !== conn) {
    // Two sockets of one device at once: WhatsApp's 440 conflict.
    core.stats.replaced++;
    previous.end(streamError(undefined, "replaced"));
  }
  if (device.stream) core.requeueUnacked(device);
  device.stream = undefined;
  device.pending = conn;
  conn.state = { kind: "login", device, opened: false, inFlight: true } satisfies Login;
  core.stats.logins++;
  core.stats.loginsInFlight += 1;
  core.stats.loginsInFlightPeak = Math.max(core.stats.loginsInFlightPeak, core.stats.loginsInFlight);
  const t = nowSeconds();
  conn.send({
    tag: "success",
    attrs: {
      t,
      lid: device.lidJid,
      props: "1",
      abprops: "1",
      location: "sim",
      creation: t,
    },
  });
  // Fallback in case the client never sends the post-open `ib` we wait for.
  conn.later(OPEN_FALLBACK_MS, () => openStream(core, conn));
}

/**
 * The client reported `connection: open` (it sends `<ib><unified_session>` right after):
 * deliver what queued while it was away, then the offline marker so Baileys flushes its
 * event buffer, then (first login only) the history sync it would otherwise wait 20 s for.
 */
function openStream(core: SimCore, conn: Connection): void {
  const login = loginOf(conn);
  if (!login || login.opened || conn.closed) return;
  login.opened = true;
  landed(core, login);
  const device = login.device;
  const queued = device.offline.drain();
  for (const node of queued) {
    node.attrs.offline = "1";
    conn.send(node);
  }
  core.stats.stanzasOut += queued.length;
  conn.send(offlineMarker(queued.length));
  if (device.pending === conn) device.pending = undefined;
  device.stream = conn;
  // Until the device fetched its groups (e.g. joined before it was linked): Baileys fetches them on this.
  if (!device.groupsFetched && core.groups.of(device.user).length > 0) conn.send(groupsDirty());
  if (core.options.historySync && !device.historySynced) {
    const messages = historySyncMessages(device.user, core.directory, device.user.history);
    // Acknowledging the last chunk completes the sync (Baileys handles messages in order).
    device.historyMessageId = messages.at(-1)?.attrs.id;
    for (const message of messages) conn.send(message);
  }
}

async function onLoginNode(core: SimCore, conn: Connection, login: Login, node: BinaryNode): Promise<void> {
  const device = login.device;
  switch (node.tag) {
    case "iq": {
      const type = node.attrs.type;
      if (type !== "get" && type !== "set") return; // unmatched result/error
      conn.send(handleIq(core, device, node));
      return;
    }
    case "ib":
      if (child(node, "unified_session")) openStream(core, conn);
      return;
    case "message":
      return messageFromClient(core, conn, device, node);
    case "receipt":
      return receiptFromClient(core, conn, device, node);
    case "ack":
      return ackFromClient(core, device, node);
    case "call":
      // Baileys waits for an answer to its call stanzas (e.g. rejectCall).
      if (node.attrs.id)
        conn.send({ tag: "ack", attrs: { id: node.attrs.id, class: "call", from: S_WHATSAPP_NET } });
      return;
    default:
      // presence, chatstate, notification acks: nothing to do.
      return;
  }
}
