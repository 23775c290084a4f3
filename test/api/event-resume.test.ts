// Resuming subscriptions from a sequence number: the missed events from the log, then the live
// ones, with no gap and no duplicate, over graphql-ws and over server-sent events.
import { type ExecutionResult, parse, subscribe } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_REPLAY } from "../../src/events/replay.ts";
import type { EventType } from "../../src/events/types.ts";
import { buildGraphQLSchema } from "../../src/graphql/schema.ts";
import {
  AccountEventsDocument,
  DeleteInstanceDocument,
  ResumedEventBatchesDocument,
  RotateInstanceTokenDocument,
  TypedInstanceEventsDocument,
} from "../generated/graphql.ts";
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

/** Commits `count` events of the instance in one transaction, as one engine batch would. */
const emit = (instance: InstanceFixture, count: number, type: EventType = "presenceUpdate") =>
  running.app.services.log.emit(
    Array.from({ length: count }, (_, index) => ({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type,
      data: { index },
    })),
  );

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

async function resumed(instance: InstanceFixture, afterSeq: number, token = ACCOUNT_TOKEN) {
  const client = wsClient(running.wsUrl, token);
  const stream = collect(client, TypedInstanceEventsDocument, { instanceId: instance.id, afterSeq });
  const seqs = () => stream.events.map((event) => event.data?.instanceEvents.seq);
  return { client, stream, seqs };
}

function errorOf(stream: ReturnType<typeof collect>) {
  return JSON.stringify(stream.events[0]?.errors ?? stream.error);
}

describe("resuming instanceEvents", () => {
  it("replays the events after afterSeq, then continues live", async () => {
    const instance = await createInstance(running.url);
    await emit(instance, 20);
    const listeners = await quietListenerCount(running);
    const { client, stream, seqs } = await resumed(instance, 5);
    await stream.until(() => seqs().length === 15);
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    await emit(instance, 5);
    await stream.until(() => seqs().length === 20);
    expect(seqs()).toEqual(range(6, 25));
    await client.dispose();
  });

  it("has no gap and no duplicate when events are committed while the log is read", async () => {
    const instance = await createInstance(running.url);
    // Ten pages of replay, with commits of 7 events running all along.
    await emit(instance, 1200);
    let committed = 1200;
    const emitter = (async () => {
      for (let round = 0; round < 300; round += 1) {
        committed = (await emit(instance, 7)).at(-1)?.seq ?? committed;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const { client, stream, seqs } = await resumed(instance, 100);
    try {
      await stream.until(() => seqs().length > 0 || stream.error !== undefined, 20_000);
      // The replay is under way while commits go on: both sources feed the stream.
      expect(committed).toBeLessThan(1200 + 300 * 7);
      await emitter;
      await stream.until(() => seqs().at(-1) === committed || stream.error !== undefined, 30_000);
    } finally {
      await emitter;
    }
    expect(stream.error).toBeUndefined();
    const received = seqs() as number[];
    const misplaced = received.filter((seq, index) => seq !== 101 + index);
    expect({ count: received.length, first: received[0], misplaced: misplaced.slice(0, 5) }).toEqual({
      count: committed - 100,
      first: 101,
      misplaced: [],
    });
    await client.dispose();
  });

  it("has no gap and no duplicate when commits land between every page and every event of a replay", async () => {
    const instance = await createInstance(running.url);
    await emit(instance, 600);
    // The operation run in-process, so the test decides when each event is pulled.
    const iterator = (await subscribe({
      schema: buildGraphQLSchema(),
      document: parse("subscription ($id: ID!) { instanceEvents(instanceId: $id, afterSeq: 50) { seq } }"),
      variableValues: { id: instance.id },
      contextValue: { caller: { kind: "account" }, callerKey: "test", services: running.app.services },
    })) as AsyncGenerator<ExecutionResult<{ instanceEvents: { seq: number } }>>;
    const received: number[] = [];
    // One commit after every 9 events pulled: some land in the page being sent, some between pages.
    let last = 600;
    while (received.at(-1) !== last || last < 1000) {
      const { value } = await iterator.next();
      received.push(value.data?.instanceEvents.seq ?? -1);
      if (received.length % 9 === 0 && last < 1000) last = (await emit(instance, 5)).at(-1)?.seq ?? last;
    }
    await iterator.return?.(undefined);
    expect(received).toEqual(range(51, last));
  });

  // Commits placed around the replay's reads of the log: "after" a read (before the replay sees
  // its rows), or "before" one, published at once or "late" (once the replay has moved on).
  const placements = [
    ["committed between a read and the replay seeing it", { 1: "after" }],
    ["committed between two reads, and read by the second", { 2: "before" }],
    ["read from the log before they are published", { 2: "late" }],
  ] as const;
  for (const [name, plan] of placements) {
    it(`has no gap and no duplicate with events ${name}`, async () => {
      const instance = await createInstance(running.url);
      await emit(instance, 10);
      const { log, bus, prisma } = running.app.services;
      const read = prisma.event.findMany.bind(prisma.event);
      let reads = 0;
      const lateCommit = () =>
        new Promise<void>((written) => {
          const input = {
            instanceId: instance.uuid,
            instanceName: instance.name,
            type: "presenceUpdate" as const,
            data: {},
          };
          void log.commit(instance.uuid, [], [input], async (events) => {
            written();
            await new Promise((resolve) => setTimeout(resolve, 100));
            for (const event of events) bus.deliver(event);
          });
        });
      const spy = vi.spyOn(prisma.event, "findMany").mockImplementation((async (
        ...args: Parameters<typeof read>
      ) => {
        const placement = (plan as Record<number, string>)[++reads];
        if (placement === "before") await emit(instance, 1);
        if (placement === "late") await lateCommit();
        const rows = await read(...args);
        if (placement === "after") await emit(instance, 1);
        return rows;
      }) as unknown as typeof read);
      try {
        const { client, stream, seqs } = await resumed(instance, 4);
        await stream.until(() => seqs().length >= 7);
        await log.settled(instance.uuid);
        await emit(instance, 1);
        await stream.until(() => seqs().length >= 8);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seqs()).toEqual(range(5, 12));
        await client.dispose();
      } finally {
        spy.mockRestore();
      }
    });
  }

  it("sends an instanceDelete committed during the replay once, then ends", async () => {
    const instance = await createInstance(running.url);
    await emit(instance, 10);
    const { prisma } = running.app.services;
    const read = prisma.event.findMany.bind(prisma.event);
    let reads = 0;
    // Deleted between the replay's first read (which caught up) and its second.
    const spy = vi.spyOn(prisma.event, "findMany").mockImplementation((async (
      ...args: Parameters<typeof read>
    ) => {
      if (++reads === 2) await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
      return read(...args);
    }) as unknown as typeof read);
    try {
      const { client, stream } = await resumed(instance, 4);
      await stream.until(() => stream.complete || stream.error !== undefined);
      const received = stream.events.map((event) => [
        event.data?.instanceEvents.seq,
        event.data?.instanceEvents.type,
      ]);
      expect(received).toEqual([
        ...range(5, 10).map((seq) => [seq, "presenceUpdate"]),
        [11, "instanceDelete"],
      ]);
      await client.dispose();
    } finally {
      spy.mockRestore();
    }
  });

  it("resumes instanceEventBatches in batches, and leaves newJwt out for an instance token", async () => {
    const instance = await createInstance(running.url);
    await emit(instance, 3);
    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    if (rotated.data?.rotateInstanceToken.__typename !== "InstanceWithToken") throw new Error("not rotated");
    const token = rotated.data.rotateInstanceToken.token;
    await emit(instance, 3);
    for (const [caller, expected] of [
      [
        ACCOUNT_TOKEN,
        ["presenceUpdate", "presenceUpdate", "newJwt", "presenceUpdate", "presenceUpdate", "presenceUpdate"],
      ],
      [token, ["presenceUpdate", "presenceUpdate", "presenceUpdate", "presenceUpdate", "presenceUpdate"]],
    ] as const) {
      const client = wsClient(running.wsUrl, caller);
      const stream = collect(client, ResumedEventBatchesDocument, {
        instanceId: instance.id,
        afterSeq: 1,
        maxBatchSize: 2,
      });
      await stream.until(
        () =>
          stream.events.flatMap((event) => event.data?.instanceEventBatches ?? []).length === expected.length,
      );
      const batches = stream.events.map((event) => event.data?.instanceEventBatches ?? []);
      expect(batches.every((batch) => batch.length <= 2)).toBe(true);
      expect(batches.flat().map((event) => event.type)).toEqual(expected);
      await client.dispose();
    }
  });

  it("refuses a resume point the log cannot serve", async () => {
    const instance = await createInstance(running.url);
    await emit(instance, 10);
    await running.app.services.prisma.event.deleteMany({
      where: { instanceId: instance.uuid, seq: { lte: 4 } },
    });
    const cases: [number, RegExp][] = [
      [11, /past the last event \(10\)/],
      [2, /events 3-4 of instance .* are no longer in the log/],
      [-1, /afterSeq: must be a whole number/],
    ];
    for (const [afterSeq, message] of cases) {
      const { client, stream } = await resumed(instance, afterSeq);
      await stream.until(() => stream.events.length > 0 || stream.error !== undefined);
      expect(errorOf(stream)).toMatch(message);
      if (afterSeq >= 0) expect(errorOf(stream)).toContain("REPLAY_UNAVAILABLE");
      await client.dispose();
    }
    // The oldest kept event's predecessor is still a good point.
    const { client, stream, seqs } = await resumed(instance, 4);
    await stream.until(() => seqs().length === 6);
    expect(seqs()).toEqual(range(5, 10));
    await client.dispose();

    const far = await createInstance(running.url);
    for (let done = 0; done <= MAX_REPLAY; done += 2000) await emit(far, 2000);
    const tooFar = await resumed(far, 0);
    await tooFar.stream.until(() => tooFar.stream.events.length > 0 || tooFar.stream.error !== undefined);
    expect(errorOf(tooFar.stream)).toMatch(new RegExp(`12000 events .* at most ${MAX_REPLAY}`));
    await tooFar.client.dispose();
  });
});

describe("resuming events, per instance", () => {
  it("replays the instances given a cursor and starts the others live", async () => {
    const a = await createInstance(running.url);
    const b = await createInstance(running.url);
    await emit(a, 4);
    await emit(b, 4);
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const listeners = await quietListenerCount(running);
    const stream = collect(client, AccountEventsDocument, {
      instanceIds: [a.id, b.id],
      after: [{ instanceId: a.id, afterSeq: 2 }],
    });
    await stream.until(() => stream.events.length === 2);
    await expect.poll(() => running.app.services.bus.listenerCount()).toBe(listeners + 1);
    await emit(b, 1);
    await emit(a, 1);
    await stream.until(() => stream.events.length === 4);
    expect(stream.events.map((event) => [event.data?.events.instanceId, event.data?.events.seq])).toEqual([
      [a.uuid, 3],
      [a.uuid, 4],
      [b.uuid, 5],
      [a.uuid, 5],
    ]);
    await client.dispose();
  });
});

describe("subscriptions over server-sent events", () => {
  it("resume and continue live on POST /graphql with Accept: text/event-stream", async () => {
    const instance = await createInstance(running.url);
    await emit(instance, 3);
    const response = await fetch(`${running.url}/graphql`, {
      method: "POST",
      headers: {
        accept: "text/event-stream",
        "content-type": "application/json",
        authorization: `Bearer ${instance.token}`,
      },
      body: JSON.stringify({
        query: `subscription ($after: [EventCursor!]) {
          events(after: $after) { seq payload { __typename ... on PresenceEventPayload { chatJid } } }
        }`,
        variables: { after: [{ instanceId: instance.id, afterSeq: 1 }] },
      }),
      signal: AbortSignal.timeout(15_000),
    });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const frames = () =>
      [...text.matchAll(/^event: next\ndata: (.*)$/gm)].map((match) => JSON.parse(match[1]).data?.events);
    const readUntil = async (count: number) => {
      while (frames().length < count) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(2);
    await emit(instance, 2);
    await readUntil(4);
    expect(frames()).toEqual(
      [2, 3, 4, 5].map((seq) => ({ seq, payload: { __typename: "PresenceEventPayload", chatJid: "" } })),
    );
    await reader.cancel();
  });
});
