// Every Baileys event key and the canonical events it becomes, in one place.
import type { BaileysEventMap, WAMessage } from "@whiskeysockets/baileys";
import type { PrismaClient } from "../db/client.ts";
import type { EventInput } from "../events/bus.ts";
import type { EventType } from "../events/types.ts";
import { statusName, toDate } from "./content.ts";
import {
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

/** The mapping, for readers: Baileys key -> canonical event types. */
export const BAILEYS_EVENT_TYPES = {
  "connection.update": ["connectionUpdate", "qrcodeUpdate", "stateInstance"],
  "messaging-history.set": ["messagesSet", "chatsSet", "contactsSet"],
  "messages.upsert": ["messagesUpsert"],
  "messages.update": ["messagesUpdate"],
  "messages.delete": ["messagesUpdate"],
  "messages.reaction": ["messagesUpdate"],
  "message-receipt.update": ["messagesUpdate"],
  "contacts.upsert": ["contactsUpsert"],
  "contacts.update": ["contactsUpdate"],
  "chats.upsert": ["chatsUpsert"],
  "chats.update": ["chatsUpdate"],
  "chats.delete": ["chatsDelete"],
  "presence.update": ["presenceUpdate"],
  "groups.upsert": ["groupsUpsert"],
  "groups.update": ["groupUpdate"],
  "group-participants.update": ["groupParticipantsUpdate"],
  call: ["callUpsert"],
  "labels.edit": ["labelsUpdate"],
  "labels.association": ["labelsUpdate"],
} as const satisfies Partial<Record<keyof BaileysEventMap, readonly EventType[]>>;

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

/** Turns one batch of Baileys events into engine jobs, in the order Baileys gives them. */
export function jobsFor(events: Partial<BaileysEventMap>, target: Target): Job[] {
  const { prisma, instanceId } = target;
  const jobs: Job[] = [];
  const event = (type: EventType, data: unknown): EventInput => ({
    instanceId,
    instanceName: target.instanceName,
    type,
    data,
  });
  const add = (writes: () => unknown[], ...published: EventInput[]) =>
    jobs.push({ writes, events: published });
  /** A job whose rows are written together with those of the same key in its batch. */
  const addMerged = <T>(
    key: string,
    items: T[],
    write: (items: T[]) => unknown[],
    ...published: EventInput[]
  ) =>
    jobs.push({
      writes: () => [],
      merge: { key, items, write: (merged) => write(merged as T[]) },
      events: published,
    });
  const addMessages = (messages: WAMessage[], source: MessageSource, ...published: EventInput[]) =>
    addMerged(
      `messages:${source}`,
      messages,
      (items) => saveMessages(instanceId, items, source),
      ...published,
    );

  const history = events["messaging-history.set"];
  if (history) {
    // History arrives newest first; stored oldest first, like everything else.
    const messages = [...history.messages].sort(
      (a, b) =>
        toDate(a.messageTimestamp as number).getTime() - toDate(b.messageTimestamp as number).getTime(),
    );
    // Later history notifications (push names, say) may carry no chats or messages: no empty events.
    if (history.chats.length > 0) {
      add(
        () => saveChats(instanceId, history.chats),
        event("chatsSet", { chats: history.chats, isLatest: history.isLatest }),
      );
    }
    if (history.contacts.length > 0) {
      add(
        () => saveContacts(instanceId, history.contacts),
        event("contactsSet", { contacts: history.contacts }),
      );
    }
    if (messages.length > 0) {
      addMessages(messages, "history", event("messagesSet", { messages, isLatest: history.isLatest }));
    }
  }
  const chatsUpsert = events["chats.upsert"];
  if (chatsUpsert) add(() => saveChats(instanceId, chatsUpsert), event("chatsUpsert", chatsUpsert));
  const chatsUpdate = events["chats.update"];
  if (chatsUpdate) {
    // Every inbound message updates its chat: merged per chat across a burst.
    addMerged(
      "chats",
      chatsUpdate,
      (items) => saveChats(instanceId, mergeById(items)),
      event("chatsUpdate", chatsUpdate),
    );
  }
  const chatsDelete = events["chats.delete"];
  if (chatsDelete) add(() => deleteChats(prisma, instanceId, chatsDelete), event("chatsDelete", chatsDelete));

  const contactsUpsert = events["contacts.upsert"];
  if (contactsUpsert) {
    add(() => saveContacts(instanceId, contactsUpsert), event("contactsUpsert", contactsUpsert));
  }
  const contactsUpdate = events["contacts.update"];
  if (contactsUpdate) {
    // Every inbound message reports its sender's push name: merged per contact across a burst.
    addMerged(
      "contacts",
      contactsUpdate,
      (items) => saveContacts(instanceId, mergeById(items)),
      event("contactsUpdate", contactsUpdate),
    );
  }

  const upsert = events["messages.upsert"];
  if (upsert) {
    const source = upsert.type === "notify" ? "notify" : "append";
    addMessages(
      upsert.messages,
      source,
      ...upsert.messages.map((message) => event("messagesUpsert", { message, type: upsert.type })),
    );
  }
  const updates = events["messages.update"];
  if (updates) {
    add(
      () =>
        updates.flatMap((update) =>
          saveMessageStatus(prisma, instanceId, update.key, statusName(update.update.status)),
        ),
      ...updates.map((update) =>
        event("messagesUpdate", {
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
    add(
      () => deleteMessages(prisma, instanceId, keys),
      event("messagesUpdate", { kind: "delete", ...deleted }),
    );
  }
  const reactions = events["messages.reaction"];
  if (reactions)
    add(() => [], ...reactions.map((reaction) => event("messagesUpdate", { kind: "reaction", ...reaction })));
  const receipts = events["message-receipt.update"];
  if (receipts)
    add(() => [], ...receipts.map((receipt) => event("messagesUpdate", { kind: "receipt", ...receipt })));

  const presence = events["presence.update"];
  if (presence) add(() => [], event("presenceUpdate", presence));

  const groupsUpsert = events["groups.upsert"];
  if (groupsUpsert)
    add(() => saveGroups(prisma, instanceId, groupsUpsert), event("groupsUpsert", groupsUpsert));
  const groupsUpdate = events["groups.update"];
  if (groupsUpdate)
    add(() => saveGroups(prisma, instanceId, groupsUpdate), event("groupUpdate", groupsUpdate));
  const participants = events["group-participants.update"];
  if (participants) add(() => [], event("groupParticipantsUpdate", participants));

  const calls = events.call;
  if (calls) add(() => [], ...calls.map((call) => event("callUpsert", call)));
  const labelEdit = events["labels.edit"];
  if (labelEdit) add(() => [], event("labelsUpdate", { kind: "edit", label: labelEdit }));
  const labelAssociation = events["labels.association"];
  if (labelAssociation) add(() => [], event("labelsUpdate", { kind: "association", ...labelAssociation }));

  return jobs;
}
