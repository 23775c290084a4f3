// Chats, contacts, groups and messages of an instance, as Relay connections on Instance.
import { ownedByInstance } from "../../graphql/access.ts";
import { builder } from "../../graphql/builder.ts";
import { InstanceNode } from "../instance/graphql.ts";
import "../message/graphql.ts";

builder.prismaObject("Chat", {
  authScopes: ownedByInstance,
  fields: (t) => ({
    jid: t.exposeString("jid"),
    name: t.exposeString("name", { nullable: true }),
    unreadCount: t.exposeInt("unreadCount", {
      description:
        "Inbound messages since the chat was last read on the phone; -1 when the phone marked it unread (WhatsApp's value).",
    }),
    archived: t.exposeBoolean("archived"),
    pinned: t.exposeBoolean("pinned"),
    isGroup: t.boolean({ resolve: (chat) => chat.jid.endsWith("@g.us") }),
    lastMessageAt: t.expose("lastMessageAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("Contact", {
  authScopes: ownedByInstance,
  fields: (t) => ({
    jid: t.exposeString("jid"),
    lid: t.exposeString("lid", { nullable: true }),
    name: t.exposeString("name", { nullable: true, description: "The name saved on the phone." }),
    notify: t.exposeString("notify", {
      nullable: true,
      description: "The name the contact set for themselves.",
    }),
    verifiedName: t.exposeString("verifiedName", { nullable: true }),
    imgUrl: t.exposeString("imgUrl", { nullable: true }),
  }),
});

const GroupParticipant = builder
  .objectRef<{ id: string; admin: string | null }>("GroupParticipant")
  .implement({
    fields: (t) => ({
      jid: t.exposeString("id"),
      admin: t.exposeString("admin", { nullable: true, description: "admin, superadmin, or null." }),
    }),
  });

builder.prismaObject("Group", {
  authScopes: ownedByInstance,
  fields: (t) => ({
    jid: t.exposeString("jid"),
    subject: t.exposeString("subject", { nullable: true }),
    owner: t.exposeString("owner", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    announce: t.exposeBoolean("announce", { nullable: true }),
    restrict: t.exposeBoolean("restrict", { nullable: true }),
    size: t.exposeInt("size", { nullable: true }),
    creation: t.expose("creation", { type: "DateTime", nullable: true }),
    participants: t.field({
      type: [GroupParticipant],
      resolve: (group) => JSON.parse(group.participants) as { id: string; admin: string | null }[],
    }),
  }),
});

builder.prismaObjectField(InstanceNode, "chats", (t) =>
  t.relatedConnection("chats", {
    cursor: "id",
    args: { archived: t.arg.boolean({ required: false }) },
    query: (args) => ({
      where: args.archived === null || args.archived === undefined ? {} : { archived: args.archived },
      orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
    }),
    totalCount: true,
    description: "Chats, most recent first.",
  }),
);

builder.prismaObjectField(InstanceNode, "contacts", (t) =>
  t.relatedConnection("contacts", {
    cursor: "id",
    args: { search: t.arg.string({ required: false, description: "Part of the JID, name or notify name." }) },
    query: (args) => ({
      where: args.search
        ? {
            OR: [
              { jid: { contains: args.search } },
              { name: { contains: args.search } },
              { notify: { contains: args.search } },
            ],
          }
        : {},
      orderBy: { jid: "asc" },
    }),
    totalCount: true,
  }),
);

builder.prismaObjectField(InstanceNode, "groups", (t) =>
  t.relatedConnection("groups", { cursor: "id", query: { orderBy: { jid: "asc" } }, totalCount: true }),
);

builder.prismaObjectField(InstanceNode, "messages", (t) =>
  t.relatedConnection("messages", {
    cursor: "id",
    description: "Stored messages in arrival order (oldest first); `chat` narrows to one chat.",
    args: {
      chat: t.arg.string({ required: false, description: "A chat JID." }),
      fromMe: t.arg.boolean({ required: false }),
    },
    query: (args) => ({
      where: {
        ...(args.chat ? { chatJid: args.chat } : {}),
        ...(args.fromMe === null || args.fromMe === undefined ? {} : { fromMe: args.fromMe }),
      },
      orderBy: { id: "asc" },
    }),
    totalCount: true,
  }),
);
