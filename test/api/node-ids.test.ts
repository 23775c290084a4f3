// node(id) follows Relay: an id that names nothing (never existed, deleted with its instance, a
// type that is not a node) is null; only an id that cannot be decoded is the client's mistake.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { rest } from "../support/clients.ts";
import { createInstance, createWebhook } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

const globalId = (typename: string, id: string | number) =>
  Buffer.from(`${typename}:${id}`).toString("base64");

async function node(id: string) {
  const answer = await rest(running.url, "POST", "/graphql", {
    headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
    body: { query: "query($id: ID!) { node(id: $id) { __typename id } }", variables: { id } },
  });
  return answer.body as { data?: { node: { __typename: string } | null }; errors?: unknown[] };
}

async function storedMessage(instanceId: string) {
  return running.app.services.prisma.message.create({
    data: {
      instanceId,
      chatJid: "15551110000@s.whatsapp.net",
      keyId: "KEY1",
      fromMe: false,
      messageType: "conversation",
      text: "hi",
      content: JSON.stringify({ conversation: "hi" }),
      source: "notify",
      timestamp: new Date(),
    },
  });
}

describe("node ids", () => {
  it("answer null without an error for ids that name nothing", async () => {
    for (const id of [
      globalId("Instance", crypto.randomUUID()),
      globalId("Webhook", crypto.randomUUID()),
      globalId("Message", 2_000_000_000),
      globalId("Message", "abc"),
      globalId("Message", "99999999999"),
      globalId("Instance", "not-a-uuid"),
      globalId("Chat", crypto.randomUUID()),
      globalId("NoSuchType", 1),
    ]) {
      expect(await node(id)).toEqual({ data: { node: null } });
    }
  });

  it("answer null for the messages and webhooks of a deleted instance", async () => {
    const instance = await createInstance(running.url);
    const webhook = await createWebhook(running.url, instance);
    const message = await storedMessage(instance.uuid);
    const messageId = globalId("Message", message.id);
    expect((await node(messageId)).data?.node).toMatchObject({ __typename: "Message", id: messageId });
    expect((await node(webhook.id)).data?.node).toMatchObject({ __typename: "Webhook" });
    await running.app.services.instances.delete({ kind: "account" }, { id: instance.uuid });
    expect(await node(messageId)).toEqual({ data: { node: null } });
    expect(await node(webhook.id)).toEqual({ data: { node: null } });
    expect(await node(instance.id)).toEqual({ data: { node: null } });
  });

  it("answer a validation error, not an internal one, for an id that cannot be decoded", async () => {
    const answer = await node("garbage");
    expect(answer.errors).toEqual([
      expect.objectContaining({ message: "Invalid global ID: garbage", extensions: { code: "VALIDATION" } }),
    ]);
  });
});
