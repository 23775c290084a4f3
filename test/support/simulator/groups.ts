import { randomInt } from "node:crypto";
import type { BinaryNode } from "@whiskeysockets/baileys";
import type { SimCore } from "./core.ts";
import type { User } from "./directory.ts";
import { newServerTag, nowSeconds } from "./stanzas.ts";

/** `superadmin` (the creator), `admin`, or a plain member (null). */
export type GroupRole = "superadmin" | "admin" | null;
/** How members are addressed in stanzas: by phone number (default) or by LID. */
export type GroupAddressing = "pn" | "lid";
export type ParticipantAction = "add" | "remove" | "promote" | "demote";

/** A group as the server knows it. */
export class GroupState {
  subject: string;
  subjectOwner: User;
  subjectTime: number;
  description?: { id: string; body: string; owner: User; time: number };
  announce = false;
  restrict = false;
  readonly members = new Map<User, GroupRole>();
  /** `sender|device` pairs that hold the sender's current sender key for this group. */
  readonly senderKeysShared = new Set<string>();

  constructor(
    /** The user part of the group jid. */
    readonly id: string,
    readonly creator: User,
    readonly creation: number,
    subject: string,
    readonly addressing: GroupAddressing,
  ) {
    this.subject = subject;
    this.subjectOwner = creator;
    this.subjectTime = creation;
  }

  get jid(): string {
    return `${this.id}@g.us`;
  }

  /** A member's jid in this group's addressing mode. */
  jidOf(user: User): string {
    return this.addressing === "lid" ? user.lidJid : user.pnJid;
  }

  /** Attributes naming a member, with the other address as WhatsApp adds it. */
  participantAttrs(user: User, prefix = "participant"): Record<string, string> {
    return this.addressing === "lid"
      ? { [prefix]: user.lidJid, [`${prefix}_pn`]: user.pnJid }
      : { [prefix]: user.pnJid, [`${prefix}_lid`]: user.lidJid };
  }

  /** Applies a participant change; returns the users it actually changed. */
  apply(action: ParticipantAction, users: User[]): User[] {
    const changed: User[] = [];
    for (const user of users) {
      const role = this.members.get(user);
      const isMember = this.members.has(user);
      if (action === "add" && !isMember) this.members.set(user, null);
      else if (action === "remove" && isMember) this.members.delete(user);
      else if (action === "promote" && isMember && !role) this.members.set(user, "admin");
      else if (action === "demote" && role === "admin") this.members.set(user, null);
      else continue;
      changed.push(user);
      if (action === "remove") {
        for (const key of this.senderKeysShared)
          if (key.startsWith(`${user.phone}|`)) this.senderKeysShared.delete(key);
      }
    }
    return changed;
  }
}

/** Every group of the simulator, by the user part of its jid. */
export class GroupRegistry {
  private readonly byId = new Map<string, GroupState>();

  create(
    creator: User,
    subject: string,
    members: User[],
    options: { admins?: User[]; addressing?: GroupAddressing; creation?: number } = {},
  ): GroupState {
    let id: string;
    do id = `120363${randomInt(1e11, 1e12)}`;
    while (this.byId.has(id));
    const group = new GroupState(
      id,
      creator,
      options.creation ?? Math.floor(Date.now() / 1000),
      subject,
      options.addressing ?? "pn",
    );
    group.members.set(creator, "superadmin");
    for (const user of members) if (user !== creator) group.members.set(user, null);
    for (const user of options.admins ?? [])
      if (group.members.get(user) === null) group.members.set(user, "admin");
    this.byId.set(id, group);
    return group;
  }

  /** By jid (`…@g.us`) or id. */
  get(jid: string): GroupState | undefined {
    return this.byId.get(jid.split("@")[0]);
  }

  /** Groups a user is a member of. */
  of(user: User): GroupState[] {
    return [...this.byId.values()].filter((g) => g.members.has(user));
  }
}

function participantNode(group: GroupState, user: User, role?: GroupRole): BinaryNode {
  const attrs: Record<string, string> =
    group.addressing === "lid"
      ? { jid: user.lidJid, phone_number: user.pnJid }
      : { jid: user.pnJid, lid: user.lidJid };
  if (role) attrs.type = role;
  return { tag: "participant", attrs };
}

/** `<group>` as in metadata answers and create notifications. */
export function groupNode(group: GroupState): BinaryNode {
  const content: BinaryNode[] = [...group.members].map(([user, role]) => participantNode(group, user, role));
  if (group.description) {
    const { id, body, owner, time } = group.description;
    content.push({
      tag: "description",
      attrs: { id, participant: group.jidOf(owner), t: String(time) },
      content: [{ tag: "body", attrs: {}, content: Buffer.from(body) }],
    });
  }
  if (group.announce) content.push({ tag: "announcement", attrs: {} });
  if (group.restrict) content.push({ tag: "locked", attrs: {} });
  return {
    tag: "group",
    attrs: {
      id: group.id,
      subject: group.subject,
      s_o: group.jidOf(group.subjectOwner),
      s_t: String(group.subjectTime),
      creation: String(group.creation),
      creator: group.jidOf(group.creator),
      ...(group.addressing === "lid" ? { creator_pn: group.creator.pnJid } : {}),
      size: String(group.members.size),
      addressing_mode: group.addressing,
    },
    content,
  };
}

/** The `w:gp2` notification child for a change. */
export function changeNode(
  group: GroupState,
  change:
    | { kind: "create" }
    | { kind: ParticipantAction; users: User[] }
    | { kind: "subject" | "description" | "announcement" | "not_announcement" | "locked" | "unlocked" },
): BinaryNode {
  switch (change.kind) {
    case "create":
      return {
        tag: "create",
        attrs: { reason: "new", key: group.jidOf(group.creator) },
        content: [groupNode(group)],
      };
    case "add":
    case "remove":
    case "promote":
    case "demote":
      return {
        tag: change.kind,
        attrs: change.kind === "add" ? { reason: "invite" } : {},
        content: change.users.map((user) => participantNode(group, user, group.members.get(user))),
      };
    case "subject":
      return {
        tag: "subject",
        attrs: {
          subject: group.subject,
          s_o: group.jidOf(group.subjectOwner),
          s_t: String(group.subjectTime),
        },
      };
    case "description": {
      const description = group.description;
      return {
        tag: "description",
        attrs: description ? { id: description.id } : { delete: "true" },
        content: description
          ? [{ tag: "body", attrs: {}, content: Buffer.from(description.body) }]
          : undefined,
      };
    }
    default:
      return { tag: change.kind, attrs: {} };
  }
}

/**
 * Sends a `w:gp2` notification about a change by `actor` to every linked device of the
 * group's members (and of `alsoTo`, e.g. members just removed); offline devices get it
 * at their next login.
 */
export function notifyGroup(
  core: SimCore,
  group: GroupState,
  actor: User,
  child: BinaryNode,
  alsoTo: User[] = [],
): void {
  const recipients = new Set([...group.members.keys(), ...alsoTo]);
  const t = nowSeconds();
  for (const user of recipients) {
    for (const device of user.activeCompanions()) {
      core.deliver(device, {
        tag: "notification",
        attrs: {
          from: group.jid,
          type: "w:gp2",
          id: newServerTag(),
          t,
          notify: actor.pushName,
          ...group.participantAttrs(actor),
          ...(group.addressing === "lid" ? { addressing_mode: "lid" } : {}),
        },
        content: [child],
      });
    }
  }
}

/** `<ib><dirty type=groups>`: Baileys then fetches every group it participates in. */
export function groupsDirty(): BinaryNode {
  return {
    tag: "ib",
    attrs: {},
    content: [{ tag: "dirty", attrs: { type: "groups", timestamp: nowSeconds() } }],
  };
}
