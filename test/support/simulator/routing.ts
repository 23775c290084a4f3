import { type BinaryNode, proto, unpadRandomMax16 } from "@whiskeysockets/baileys";
import type { Connection } from "./connection.ts";
import type { SimCore } from "./core.ts";
import type { CompanionDevice, User } from "./directory.ts";
import { bytesOf, child, children, nowSeconds, textOf } from "./stanzas.ts";

/**
 * A `<message>` from a companion: ack it like the server does, then fan each per-device
 * `<to><enc/></to>` out to its recipient.
 */
export function messageFromClient(
  core: SimCore,
  conn: Connection,
  sender: CompanionDevice,
  node: BinaryNode,
): void {
  const { id, to } = node.attrs;
  if (!id) return;
  conn.send({ tag: "ack", attrs: { class: "message", id, from: to ?? sender.user.pnJid, t: nowSeconds() } });
  if (!to || /@(g\.us|broadcast|newsletter)$/.test(to)) {
    // Groups, status and newsletters are not simulated; the server ack is all they get.
    return;
  }
  const targets: { jid: string; enc: BinaryNode }[] = [];
  for (const target of children(child(node, "participants"), "to")) {
    const enc = child(target, "enc");
    if (enc && target.attrs.jid) targets.push({ jid: target.attrs.jid, enc });
  }
  // Retries and peer messages carry one enc addressed by the stanza itself.
  const direct = child(node, "enc");
  if (direct) targets.push({ jid: to, enc: direct });

  for (const { jid, enc } of targets) {
    const resolved = core.directory.resolve(jid);
    if (!resolved) continue;
    const { user, device } = resolved;
    if (device === 0) {
      // Copies for the sender's own phone (DSM) are not needed by anyone.
      if (user !== sender.user) phoneReceives(core, user, sender, id, enc);
      continue;
    }
    const target = user.companions.get(device);
    if (!target || target.removed || target === sender) continue;
    const attrs: Record<string, string> = {
      from: sender.pnJid,
      id,
      t: nowSeconds(),
      type: node.attrs.type ?? "text",
      notify: sender.user.pushName,
    };
    // To a sibling of the sender: Baileys reads `recipient` as the chat.
    if (user === sender.user) attrs.recipient = to;
    else attrs.sender_lid = sender.lidJid;
    core.deliver(target, { tag: "message", attrs, content: [enc] });
  }
}

/** A simulated phone decrypts what an account sent it and files it in its mailbox. */
function phoneReceives(
  core: SimCore,
  user: User,
  sender: CompanionDevice,
  id: string,
  enc: BinaryNode,
): void {
  const type = enc.attrs.type;
  const ciphertext = bytesOf(enc);
  if ((type !== "pkmsg" && type !== "msg") || !ciphertext || !user.hasEndpoint) return;
  user
    .endpoint()
    .decrypt(sender.address, type, ciphertext)
    .then((plain) => {
      const message = proto.Message.decode(unpadRandomMax16(plain));
      user.mailbox().messages.push({
        id,
        from: sender.user.phone,
        fromDevice: sender.id,
        text: textOf(message),
        message,
        type,
        receivedAt: Date.now(),
      });
    })
    .catch((err) => core.log(`${user.phone} could not decrypt ${id} from ${sender.pnJid}`, err));
}

function idsOf(node: BinaryNode): string[] {
  const ids = node.attrs.id ? [node.attrs.id] : [];
  for (const item of children(child(node, "list"), "item")) if (item.attrs.id) ids.push(item.attrs.id);
  return ids;
}

/** Receipts a companion sends for what it received (delivery, read, retry, ...). */
export function receiptFromClient(
  core: SimCore,
  conn: Connection,
  device: CompanionDevice,
  node: BinaryNode,
): void {
  const ids = idsOf(node);
  if (node.attrs.id) {
    conn.send({
      tag: "ack",
      attrs: {
        class: "receipt",
        id: node.attrs.id,
        from: node.attrs.to ?? device.user.pnJid,
        ...(node.attrs.type ? { type: node.attrs.type } : {}),
      },
    });
  }
  markHistorySynced(device, ids);
  core.acked(device, ids);
  const type = node.attrs.type;
  if (type === "retry") core.log(`${device.pnJid} asked for a retry of ${ids.join(",")}`);
  // Receipts for own messages from other devices (type=sender, peer_msg, hist_sync) stay here.
  if (!node.attrs.to || type === "sender" || type === "peer_msg" || type === "hist_sync") return;
  const recipient = core.directory.resolve(node.attrs.to);
  if (!recipient || recipient.user === device.user) return;
  recipient.user.mailbox().receipts.push({ ids, type, from: device.user.phone, receivedAt: Date.now() });
}

export function ackFromClient(core: SimCore, device: CompanionDevice, node: BinaryNode): void {
  const ids = node.attrs.id ? [node.attrs.id] : [];
  markHistorySynced(device, ids);
  core.acked(device, ids);
}

function markHistorySynced(device: CompanionDevice, ids: string[]): void {
  if (device.historyMessageId && ids.includes(device.historyMessageId)) {
    device.historySynced = true;
    device.historyMessageId = undefined;
  }
}
