import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_BUFFER } from "../../src/events/bus.ts";
import {
  DeleteInstanceDocument,
  InstanceEventBatchesDocument,
  InstanceEventsDocument,
  RotateInstanceTokenDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { collect, gql, wsClient } from "../support/clients.ts";
import { createInstance } from "../support/fixtures.ts";

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
});
afterAll(async () => {
  await running.stop();
});

describe("instanceEvents subscription over graphql-ws", () => {
  it("sends newJwt to the account's subscription and ends the one opened with the rotated token", async () => {
    const instance = await createInstance(running.url);
    const ownClient = wsClient(running.wsUrl, instance.token);
    const accountClient = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const closes: { code: number; reason: string }[] = [];
    ownClient.on("closed", (event) => closes.push(event as { code: number; reason: string }));
    accountClient.on("closed", (event) => closes.push(event as { code: number; reason: string }));
    const listeners = running.app.services.bus.listenerCount();
    const own = collect(ownClient, InstanceEventsDocument, { instanceId: instance.id });
    const account = collect(accountClient, InstanceEventsDocument, { instanceId: instance.id });
    // The subscriptions are live once the server has registered them on the bus.
    await expect
      .poll(() => running.app.services.bus.listenerCount(), { timeout: 10_000 })
      .toBe(listeners + 2);

    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    const token =
      rotated.data?.rotateInstanceToken.__typename === "InstanceWithToken" &&
      rotated.data.rotateInstanceToken.token;
    await account.until(() => account.events.length === 1);
    expect(account.events[0].data?.instanceEvents).toMatchObject({
      type: "newJwt",
      instanceId: instance.uuid,
      instanceName: instance.name,
      data: { jwt: token },
    });
    await own.until(() => own.error !== undefined || own.complete || own.events.length > 0);
    expect(own.events.map((event) => event.data)).toEqual([]);
    // Ended by the revocation (the stream's own error, or the connection's close, whichever
    // reaches the client first), never by an event.
    const ending = own.events[0]?.errors ?? own.error;
    expect(`${JSON.stringify(ending)} ${(ending as { code?: number }).code}`).toMatch(/TOKEN_REVOKED|4403/);
    expect(running.app.services.bus.listenerCount()).toBe(listeners + 1);
    // The connection the old token opened is closed too; the account's stays.
    await expect
      .poll(() => closes.map((event) => [event.code, event.reason]))
      .toEqual([[4403, "Token revoked"]]);
    account.unsubscribe();
    await ownClient.dispose();
    await accountClient.dispose();
  });

  it("ends a subscription over server-sent events when the token that opened it is rotated", async () => {
    const instance = await createInstance(running.url);
    const listeners = running.app.services.bus.listenerCount();
    const response = await fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: {
        accept: "text/event-stream",
        "content-type": "application/json",
        authorization: `Bearer ${instance.token}`,
      },
      body: JSON.stringify({
        query: "subscription ($id: ID!) { instanceEvents(instanceId: $id) { type data } }",
        variables: { id: instance.id },
      }),
      signal: AbortSignal.timeout(15_000),
    });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    await expect
      .poll(() => running.app.services.bus.listenerCount(), { timeout: 10_000 })
      .toBe(listeners + 1);
    await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    // The stream ends by itself: reading it to the end must not hang.
    const text = await response.text();
    expect(text).not.toMatch(/newJwt/);
    expect(text).toMatch(/TOKEN_REVOKED/);
    expect(running.app.services.bus.listenerCount()).toBe(listeners);
  });

  it("answers a bad operation with an error and keeps the connection and its other subscriptions", async () => {
    const instance = await createInstance(running.url);
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    let closed = false;
    client.on("closed", () => {
      closed = true;
    });
    const listeners = running.app.services.bus.listenerCount();
    const live = collect(client, InstanceEventsDocument, { instanceId: instance.id, types: ["newJwt"] });
    await expect
      .poll(() => running.app.services.bus.listenerCount(), { timeout: 10_000 })
      .toBe(listeners + 1);
    const wide = `subscription { ${Array.from({ length: 30 }, (_, index) => `a${index}: instanceEvents(instanceId: "${instance.uuid}") { id }`).join(" ")} }`;
    for (const query of ["subscription {", "subscription { nope }", wide]) {
      const failure = await new Promise<unknown>((resolve) => {
        client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
      });
      expect(JSON.stringify(failure)).toMatch(/Syntax Error|Cannot query field|aliases/i);
    }
    await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    await live.until(() => live.events.length === 1);
    expect(live.events[0].data?.instanceEvents.type).toBe("newJwt");
    expect(closed).toBe(false);
    live.unsubscribe();
    await client.dispose();
  });

  it("filters by type and ends the stream after instanceDelete", async () => {
    const instance = await createInstance(running.url);
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const listeners = running.app.services.bus.listenerCount();
    const stream = collect(client, InstanceEventsDocument, {
      instanceId: instance.id,
      types: ["instanceDelete"],
    });
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    await stream.until(() => stream.complete);
    expect(stream.events.map((event) => event.data?.instanceEvents.type)).toEqual(["instanceDelete"]);
    expect(stream.events[0].data?.instanceEvents.data).toEqual({
      instanceId: instance.uuid,
      instanceName: instance.name,
    });
    await client.dispose();
  });

  it("refuses subscribers without a token or with another instance's token", async () => {
    const instance = await createInstance(running.url);
    const other = await createInstance(running.url);
    // Without a valid token the connection itself is refused.
    for (const token of [undefined, "bogus"]) {
      const client = wsClient(running.wsUrl, token);
      const stream = collect(client, InstanceEventsDocument, { instanceId: instance.id });
      await stream.until(() => stream.error !== undefined || stream.complete);
      expect(stream.events).toEqual([]);
      expect(stream.error).toMatchObject({ code: 4403, reason: "Forbidden" });
      await client.dispose();
    }
    const client = wsClient(running.wsUrl, other.token);
    const stream = collect(client, InstanceEventsDocument, { instanceId: instance.id });
    await stream.until(() => stream.events.length > 0 || stream.error !== undefined || stream.complete);
    const errors = stream.events[0]?.errors ?? (stream.error as { message?: string }[] | undefined);
    expect(JSON.stringify(errors)).toMatch(/token/i);
    await client.dispose();
  });

  it("drops a subscriber that falls 256 events behind, without slowing the publisher", async () => {
    const instance = await createInstance(running.url);
    const listenersBefore = running.app.services.bus.listenerCount();
    const iterator = running.app.services.bus.subscribe({ instanceId: instance.uuid });
    const first = iterator.next();
    const started = performance.now();
    for (let index = 0; index < 1000; index += 1) {
      running.app.services.bus.publish({
        instanceId: instance.uuid,
        instanceName: instance.name,
        type: "presenceUpdate",
        data: { index },
      });
    }
    expect(performance.now() - started).toBeLessThan(1000);
    // The dropped subscriber learns why; the bus keeps no reference to it.
    await expect(first).rejects.toThrow(/256 events behind/);
    expect(running.app.services.bus.listenerCount()).toBe(listenersBefore);
  });
});

describe("instanceEventBatches subscription over graphql-ws", () => {
  const publish = (instance: { uuid: string; name: string }, index: number) =>
    running.app.services.bus.publish({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "presenceUpdate",
      data: { index },
    });

  it("delivers a burst in order, in arrays no larger than maxBatchSize, and ends after instanceDelete", async () => {
    const instance = await createInstance(running.url);
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const listeners = running.app.services.bus.listenerCount();
    const stream = collect(client, InstanceEventBatchesDocument, {
      instanceId: instance.id,
      types: ["presenceUpdate", "instanceDelete"],
      maxBatchSize: 64,
    });
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    // Filtered out: another type, another instance.
    await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    publish({ uuid: "00000000-0000-4000-8000-000000000000", name: "other" }, -1);
    for (let index = 0; index < 1000; index += 1) publish(instance, index);
    await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    await stream.until(() => stream.complete);

    const batches = stream.events.map((event) => event.data?.instanceEventBatches ?? []);
    expect(stream.events.every((event) => event.errors === undefined)).toBe(true);
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 64)).toBe(true);
    // Published in one synchronous loop, so they leave in full batches, not one frame each.
    expect(batches.length).toBeLessThan(30);
    const events = batches.flat();
    expect(events.map((event) => event.type)).toEqual([
      ...Array.from({ length: 1000 }, () => "presenceUpdate"),
      "instanceDelete",
    ]);
    expect(events.slice(0, 1000).map((event) => (event.data as { index: number }).index)).toEqual(
      Array.from({ length: 1000 }, (_, index) => index),
    );
    expect(new Set(events.map((event) => event.id)).size).toBe(1001);
    await client.dispose();
  });

  it("refuses a maxBatchSize outside 1-1000 with a clear error", async () => {
    const instance = await createInstance(running.url);
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    for (const maxBatchSize of [0, 1001, -5]) {
      const stream = collect(client, InstanceEventBatchesDocument, { instanceId: instance.id, maxBatchSize });
      await stream.until(() => stream.events.length > 0 || stream.error !== undefined || stream.complete);
      const errors = stream.events[0]?.errors ?? (stream.error as { message?: string }[] | undefined);
      expect(JSON.stringify(errors)).toContain("maxBatchSize: must be between 1 and 1000");
    }
    await client.dispose();
  });

  it("drops a batch subscriber that falls 256 full batches, or 10,000 events, behind", async () => {
    const instance = await createInstance(running.url);
    const listenersBefore = running.app.services.bus.listenerCount();
    const iterator = running.app.services.bus.subscribeBatches({ instanceId: instance.uuid }, 4);
    const first = iterator.next();
    // 256 batches of 4 fit; the next event overflows.
    for (let index = 0; index < 256 * 4; index += 1) publish(instance, index);
    expect(running.app.services.bus.listenerCount()).toBe(listenersBefore + 1);
    publish(instance, 256 * 4);
    await expect(first).rejects.toThrow(/1024 events behind/);
    expect(running.app.services.bus.listenerCount()).toBe(listenersBefore);

    // Large batches are bounded by events, not only by batches.
    const large = running.app.services.bus.subscribeBatches({ instanceId: instance.uuid }, 1000);
    const pending = large.next();
    for (let index = 0; index <= MAX_BATCH_BUFFER; index += 1) publish(instance, index);
    await expect(pending).rejects.toThrow(`${MAX_BATCH_BUFFER} events behind`);
    expect(running.app.services.bus.listenerCount()).toBe(listenersBefore);
  });
});
