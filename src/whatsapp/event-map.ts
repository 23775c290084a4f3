// Every Baileys event key and the canonical events it becomes, in one place.
import type { BaileysEventMap, Chat, WAMessage } from "@whiskeysockets/baileys";
import type { PrismaClient } from "../db/client.ts";
import type { EventInput } from "../events/bus.ts";
import type { EventType } from "../events/types.ts";
import { statusName, toDate } from "./content.ts";
import {
  chatChange,
  deleteChats,
  deleteMessages,
  type MessageSource,
  saveChats,
  saveContacts,
  saveGroups,
  saveMessageStatus,
  saveMessages,
} from "./store.ts";
import type { Job } from "./work-queue.ts";

interface Target {
  prisma: PrismaClient;
  instanceId: string;
  instanceName: string;
}

/** Later partial updates of the same id folded into one. */
function mergeById<T extends { id?: string | null }>(items: unknown[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items as T[]) {
    const id = item.id ?? "";
    byId.set(id, { ...byId.get(id), ...item });
  }
  return [...byId.values()];
}

/**
 * The jobs of one batch, built with methods rather than closures: Baileys hands over a batch
 * per inbound message, and closures made per batch showed up in burst profiles.
 */
class JobList {
  readonly jobs: Job[] = [];

  constructor(private readonly target: Target) {}

  event(type: EventType, data: unknown): EventInput {
    return { instanceId: this.target.instanceId, instanceName: this.target.instanceName, type, data };
  }

  add(writes: () => unknown[], ...events: EventInput[]): void {
    this.jobs.push({ writes, events });
  }

  /** A job whose rows are written together with those of the same key in its batch. */
  merged<T>(key: string, items: T[], write: (items: T[]) => unknown[], ...events: EventInput[]): void {
    this.jobs.push({
      writes: noWrites,
      merge: { key, items, write: write as (items: unknown[]) => unknown[] },
      events,
    });
  }

  /**
   * Chat changes of every kind share one merge key: written together, in order, so unread
   * increments and resets of a burst combine right.
   */
  chats(chats: Partial<Chat>[], reported: "chat" | "update", ...events: EventInput[]): void {
    const { instanceId } = this.target;
    const changes = chats.flatMap((chat) => chatChange(chat, reported) ?? []);
    this.merged("chats", changes, (items) => saveChats(instanceId, items), ...events);
  }

  messages(messages: WAMessage[], source: MessageSource, ...events: EventInput[]): void {
    const { instanceId } = this.target;
    this.merged(
      `messages:${source}`,
      messages,
      (items) => saveMessages(instanceId, items, source),
      ...events,
    );
  }
}

const noWrites = () => [];

/** Turns one batch of Baileys events into engine jobs, in the order Baileys gives them. */
export function jobsFor(events: Partial<BaileysEventMap>, target: Target): Job[] {
  const { prisma, instanceId } = target;
  const list = new JobList(target);

  const history = events["messaging-history.set"];
  if (history) {
    // History arrives newest first; stored oldest first, like everything else.
    const messages = [...history.messages].sort(
      (a, b) =>
        toDate(a.messageTimestamp as number).getTime() - toDate(b.messageTimestamp as number).getTime(),
    );
    // Later history notifications (push names, say) may carry no chats or messages: no empty events.
    if (history.chats.length > 0) {
      list.chats(
        history.chats,
        "chat",
        list.event("chatsSet", { chats: history.chats, isLatest: history.isLatest }),
      );
    }
    if (history.contacts.length > 0) {
      list.add(
        () => saveContacts(instanceId, history.contacts),
        list.event("contactsSet", { contacts: history.contacts }),
      );
    }
    if (messages.length > 0) {
      list.messages(messages, "history", list.event("messagesSet", { messages, isLatest: history.isLatest }));
    }
  }
  const chatsUpsert = events["chats.upsert"];
  if (chatsUpsert) list.chats(chatsUpsert, "chat", list.event("chatsUpsert", chatsUpsert));
  // Every inbound message updates its chat (one more unread): merged per chat across a burst.
  const chatsUpdate = events["chats.update"];
  if (chatsUpdate) list.chats(chatsUpdate, "update", list.event("chatsUpdate", chatsUpdate));
  const chatsDelete = events["chats.delete"];
  if (chatsDelete)
    list.add(() => deleteChats(prisma, instanceId, chatsDelete), list.event("chatsDelete", chatsDelete));

  const contactsUpsert = events["contacts.upsert"];
  if (contactsUpsert) {
    list.add(() => saveContacts(instanceId, contactsUpsert), list.event("contactsUpsert", contactsUpsert));
  }
  const contactsUpdate = events["contacts.update"];
  if (contactsUpdate) {
    // Every inbound message reports its sender's push name: merged per contact across a burst.
    list.merged(
      "contacts",
      contactsUpdate,
      (items) => saveContacts(instanceId, mergeById(items)),
      list.event("contactsUpdate", contactsUpdate),
    );
  }

  const upsert = events["messages.upsert"];
  if (upsert) {
    const source = upsert.type === "notify" ? "notify" : "append";
    list.messages(
      upsert.messages,
      source,
      ...upsert.messages.map((message) => list.event("messagesUpsert", { message, type: upsert.type })),
    );
  }
  const updates = events["messages.update"];
  if (updates) {
    list.add(
      () =>
        updates.flatMap((update) =>
          saveMessageStatus(prisma, instanceId, update.key, statusName(update.update.status)),
        ),
      ...updates.map((update) =>
        list.event("messagesUpdate", {
          kind: "update",
          key: update.key,
          update: update.update,
          status: statusName(update.update.status),
        }),
      ),
    );
  }
  const deleted = events["messages.delete"];
  if (deleted) {
    const keys = "keys" in deleted ? deleted.keys : [];
    list.add(
      () => deleteMessages(prisma, instanceId, keys),
      list.event("messagesUpdate", { kind: "delete", ...deleted }),
    );
  }
  const reactions = events["messages.reaction"];
  if (reactions)
    list.add(
      () => [],
      ...reactions.map((reaction) => list.event("messagesUpdate", { kind: "reaction", ...reaction })),
    );
  const receipts = events["message-receipt.update"];
  if (receipts)
    list.add(
      () => [],
      ...receipts.map((receipt) => list.event("messagesUpdate", { kind: "receipt", ...receipt })),
    );

  const presence = events["presence.update"];
  if (presence) list.add(() => [], list.event("presenceUpdate", presence));

  const groupsUpsert = events["groups.upsert"];
  if (groupsUpsert)
    list.add(() => saveGroups(prisma, instanceId, groupsUpsert), list.event("groupsUpsert", groupsUpsert));
  const groupsUpdate = events["groups.update"];
  if (groupsUpdate)
    list.add(() => saveGroups(prisma, instanceId, groupsUpdate), list.event("groupUpdate", groupsUpdate));
  const participants = events["group-participants.update"];
  if (participants) list.add(() => [], list.event("groupParticipantsUpdate", participants));

  const calls = events.call;
  if (calls) list.add(() => [], ...calls.map((call) => list.event("callUpsert", call)));
  const labelEdit = events["labels.edit"];
  if (labelEdit) list.add(() => [], list.event("labelsUpdate", { kind: "edit", label: labelEdit }));
  const labelAssociation = events["labels.association"];
  if (labelAssociation)
    list.add(() => [], list.event("labelsUpdate", { kind: "association", ...labelAssociation }));

  return list.jobs;
}
