import { type BinaryNode, S_WHATSAPP_NET } from "@whiskeysockets/baileys";
import type { SimCore } from "./core.ts";
import type { CompanionDevice, User } from "./directory.ts";
import { changeNode, type GroupState, groupNode, notifyGroup, type ParticipantAction } from "./groups.ts";
import { bytesOf, child, children, iqResult, newMessageId, nowSeconds } from "./stanzas.ts";

function iqError(request: BinaryNode, code: number, text: string): BinaryNode {
  return {
    tag: "iq",
    attrs: { id: request.attrs.id, type: "error", from: request.attrs.to ?? S_WHATSAPP_NET },
    content: [{ tag: "error", attrs: { code: String(code), text } }],
  };
}

const isAdmin = (group: GroupState, user: User) => Boolean(group.members.get(user));

/**
 * `w:g2` iqs from a logged-in companion: metadata of one group, every group it takes part
 * in (login, dirty bits), and the account's own changes (create, subject, description,
 * settings, participants, leave), which notify every member like the server does.
 */
export function groupIq(core: SimCore, device: CompanionDevice, node: BinaryNode): BinaryNode {
  const me = device.user;
  const request = Array.isArray(node.content) ? node.content[0] : undefined;
  if (!request) return iqResult(node);
  if (request.tag === "participating") {
    return iqResult(node, [{ tag: "groups", attrs: {}, content: core.groups.of(me).map(groupNode) }]);
  }
  if (request.tag === "create") return create(core, me, node, request);
  if (request.tag === "leave") {
    for (const item of children(request, "group")) {
      const group = core.groups.get(item.attrs.id ?? "");
      if (!group?.members.has(me)) continue;
      group.apply("remove", [me]);
      notifyGroup(core, group, me, changeNode(group, { kind: "remove", users: [me] }), [me]);
    }
    return iqResult(node);
  }

  const group = core.groups.get(node.attrs.to ?? "");
  if (!group) return iqError(node, 404, "item-not-found");
  if (!group.members.has(me)) return iqError(node, 403, "forbidden");
  switch (request.tag) {
    case "query":
      return iqResult(node, [groupNode(group)]);
    case "add":
    case "remove":
    case "promote":
    case "demote":
      return participants(core, group, me, node, request.tag, request);
    case "subject": {
      if (group.restrict && !isAdmin(group, me)) return iqError(node, 403, "forbidden");
      group.subject = bytesOf(request)?.toString("utf8") ?? "";
      group.subjectOwner = me;
      group.subjectTime = Number(nowSeconds());
      notifyGroup(core, group, me, changeNode(group, { kind: "subject" }));
      return iqResult(node);
    }
    case "description": {
      if (group.restrict && !isAdmin(group, me)) return iqError(node, 403, "forbidden");
      const body = bytesOf(child(request, "body"))?.toString("utf8");
      group.description =
        request.attrs.delete === "true" || !body
          ? undefined
          : { id: request.attrs.id ?? newMessageId(), body, owner: me, time: Number(nowSeconds()) };
      notifyGroup(core, group, me, changeNode(group, { kind: "description" }));
      return iqResult(node);
    }
    case "announcement":
    case "not_announcement":
    case "locked":
    case "unlocked": {
      if (!isAdmin(group, me)) return iqError(node, 403, "forbidden");
      if (request.tag.endsWith("announcement")) group.announce = request.tag === "announcement";
      else group.restrict = request.tag === "locked";
      notifyGroup(core, group, me, changeNode(group, { kind: request.tag }));
      return iqResult(node);
    }
    default:
      // invite codes, ephemeral settings, join requests, ...: accepted, nothing changes.
      return iqResult(node);
  }
}

function create(core: SimCore, me: User, node: BinaryNode, request: BinaryNode): BinaryNode {
  const members: User[] = [];
  for (const participant of children(request, "participant")) {
    const resolved = participant.attrs.jid ? core.directory.resolve(participant.attrs.jid) : undefined;
    if (resolved) members.push(resolved.user);
  }
  const group = core.groups.create(me, request.attrs.subject ?? "", members);
  notifyGroup(core, group, me, changeNode(group, { kind: "create" }));
  return iqResult(node, [groupNode(group)]);
}

function participants(
  core: SimCore,
  group: GroupState,
  me: User,
  node: BinaryNode,
  action: ParticipantAction,
  request: BinaryNode,
): BinaryNode {
  if (!isAdmin(group, me)) return iqError(node, 403, "forbidden");
  const results: BinaryNode[] = [];
  const changed: User[] = [];
  for (const participant of children(request, "participant")) {
    const jid = participant.attrs.jid ?? "";
    const resolved = core.directory.resolve(jid);
    const done = resolved ? group.apply(action, [resolved.user]) : [];
    if (done.length) changed.push(...done);
    // Per participant: no error attribute on success, else why (409 already in, 404 not in).
    const error = done.length ? undefined : !resolved ? "404" : action === "add" ? "409" : "404";
    results.push({ tag: "participant", attrs: { jid, ...(error ? { error } : {}) } });
  }
  if (changed.length) {
    notifyGroup(
      core,
      group,
      me,
      changeNode(group, { kind: action, users: changed }),
      action === "remove" ? changed : [],
    );
  }
  return iqResult(node, [{ tag: action, attrs: {}, content: results }]);
}
