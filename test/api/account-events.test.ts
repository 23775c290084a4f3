// The account-wide `events` subscription: which instances and types it carries, for the
// account token and for an instance token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventType } from "../../src/events/types.ts";
import { AccountEventsDocument, DeleteInstanceDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { collect, gql, wsClient } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { quietListenerCount } from "../support/whatsapp.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

const emit = (instance: InstanceFixture, type: EventType, data: unknown = {}) =>
  running.app.services.log.emit({ instanceId: instance.uuid, instanceName: instance.name, type, data });

async function subscribed(token: string, variables: Record<string, unknown>) {
  const client = wsClient(running.wsUrl, token);
  const listeners = await quietListenerCount(running);
  const stream = collect(client, AccountEventsDocument, variables);
  await expect
    .poll(
      () =>
        running.app.services.bus.listenerCount() > listeners ||
        stream.error !== undefined ||
        stream.events.length > 0,
    )
    .toBe(true);
  const seen = () => stream.events.map((event) => event.data?.events);
  return { client, stream, seen };
}

describe("events subscription", () => {
  it("carries every instance the account token reaches, created later too, or those named, by type", async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createInstance(running.url)));
    const everything = await subscribed(ACCOUNT_TOKEN, { types: ["presenceUpdate"] });
    const named = await subscribed(ACCOUNT_TOKEN, {
      instanceIds: [a.id, b.uuid],
      types: ["presenceUpdate", "chatsDelete"],
    });
    const later = await createInstance(running.url);
    await emit(a, "presenceUpdate", { from: "a" });
    await emit(b, "presenceUpdate", { from: "b" });
    await emit(c, "presenceUpdate", { from: "c" });
    await emit(a, "contactsUpsert", []);
    await emit(b, "chatsDelete", ["1@s.whatsapp.net"]);
    await emit(later, "presenceUpdate", { from: "later" });

    await everything.stream.until(() => everything.seen().length >= 4);
    expect(everything.seen().map((event) => [event?.type, event?.data])).toEqual([
      ["presenceUpdate", { from: "a" }],
      ["presenceUpdate", { from: "b" }],
      ["presenceUpdate", { from: "c" }],
      ["presenceUpdate", { from: "later" }],
    ]);
    await named.stream.until(() => named.seen().length >= 3);
    expect(named.seen().map((event) => [event?.instanceId, event?.type, event?.payload.__typename])).toEqual([
      [a.uuid, "presenceUpdate", "PresenceEventPayload"],
      [b.uuid, "presenceUpdate", "PresenceEventPayload"],
      [b.uuid, "chatsDelete", "ChatsEventPayload"],
    ]);
    await everything.client.dispose();
    await named.client.dispose();
  });

  it("gives an instance token its own instance only, and refuses another's", async () => {
    const own = await createInstance(running.url);
    const other = await createInstance(running.url);
    const implicit = await subscribed(own.token, {});
    const explicit = await subscribed(own.token, { instanceIds: [own.id] });
    await emit(other, "presenceUpdate", { from: "other" });
    await emit(own, "presenceUpdate", { from: "own" });
    for (const { stream, seen } of [implicit, explicit]) {
      await stream.until(() => seen().length >= 1);
      expect(seen().map((event) => event?.data)).toEqual([{ from: "own" }]);
    }

    for (const instanceIds of [[other.id], [own.id, other.id]]) {
      const refused = await subscribed(own.token, { instanceIds });
      await refused.stream.until(
        () => refused.stream.events.length > 0 || refused.stream.error !== undefined,
      );
      const errors = refused.stream.events[0]?.errors ?? refused.stream.error;
      expect(JSON.stringify(errors)).toContain("FORBIDDEN");
      expect(refused.seen().filter(Boolean)).toEqual([]);
      await refused.client.dispose();
    }
    await implicit.client.dispose();
    await explicit.client.dispose();
  });

  it("ends once every named instance is deleted, and not before", async () => {
    const a = await createInstance(running.url);
    const b = await createInstance(running.url);
    const named = await subscribed(ACCOUNT_TOKEN, { instanceIds: [a.id, b.id], types: ["presenceUpdate"] });
    await gql(running.url, DeleteInstanceDocument, { id: a.id }, ACCOUNT_TOKEN);
    await emit(b, "presenceUpdate", { from: "b" });
    await named.stream.until(() => named.seen().length === 1);
    expect(named.stream.complete).toBe(false);
    await gql(running.url, DeleteInstanceDocument, { id: b.id }, ACCOUNT_TOKEN);
    await named.stream.until(() => named.stream.complete);
    // instanceDelete was filtered out by type: the stream ends without it.
    expect(named.seen().map((event) => event?.type)).toEqual(["presenceUpdate"]);
    await named.client.dispose();
  });
});
