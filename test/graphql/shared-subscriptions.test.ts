import { type ExecutionResult, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../src/auth/access.ts";
import { buildGraphQLSchema } from "../../src/graphql/schema.ts";
import { createGraphQLServer } from "../../src/graphql/yoga.ts";
import { type RunningApp, startApp } from "../support/app.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";

// Subscriptions are executed through Yoga's envelope here, as graphql-ws and SSE run them,
// so the result objects themselves can be compared.
let running: RunningApp;
let yoga: ReturnType<typeof createGraphQLServer>;
let instance: InstanceFixture;
beforeAll(async () => {
  running = await startApp();
  yoga = createGraphQLServer(buildGraphQLSchema(), running.app.services, undefined);
  instance = await createInstance(running.url);
});
afterAll(async () => {
  await running.stop();
});

const BATCHES = parse(
  "subscription ($id: ID!, $size: Int!) { instanceEventBatches(instanceId: $id, maxBatchSize: $size) { seq type data } }",
);

async function subscribe(caller: Caller, variables: Record<string, unknown>) {
  const { subscribe, contextFactory, schema } = yoga.getEnveloped({
    caller,
    headers: {},
    clientAddress: "127.0.0.1",
  } as never);
  const result = await subscribe({
    schema,
    document: BATCHES,
    variableValues: variables,
    contextValue: await contextFactory(),
  });
  if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
  return (result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]();
}

const emitTwo = () =>
  running.app.services.log.emit(
    [1, 2].map((n) => ({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "messagesUpsert" as const,
      data: { n },
    })),
  );

describe("subscription results shared between subscribers", () => {
  it("execute an event batch once for every subscriber running the same operation with the same token kind", async () => {
    const account = { kind: "account" } as const;
    const own = { kind: "instance", instanceId: instance.uuid } as const;
    const variables = { id: instance.id, size: 10 };
    const listeners = running.app.services.bus.listenerCount();
    const streams = [
      await subscribe(account, variables),
      await subscribe(account, variables),
      await subscribe(own, variables),
      await subscribe(account, { ...variables, size: 11 }),
    ];
    expect(running.app.services.bus.listenerCount()).toBe(listeners + 4);
    const nexts = streams.map((stream) => stream.next());
    await emitTwo();
    const [first, second, instanceToken, otherVariables] = (await Promise.all(nexts)).map(
      (step) => step.value as ExecutionResult<{ instanceEventBatches: { seq: number; data: unknown }[] }>,
    );
    expect(first.data?.instanceEventBatches.map((event) => event.data)).toEqual([{ n: 1 }, { n: 2 }]);
    // The same operation and token kind: one result object for both.
    expect(second).toBe(first);
    // Another token, or other variables: executed on their own, with the same answer.
    expect(instanceToken).not.toBe(first);
    expect(otherVariables).not.toBe(first);
    expect(instanceToken).toEqual(first);
    expect(otherVariables).toEqual(first);
    await Promise.all(streams.map((stream) => stream.return?.()));
    expect(running.app.services.bus.listenerCount()).toBe(listeners);
  });

  it("end a subscription waiting for its next event at once, leaving the bus", async () => {
    const listeners = running.app.services.bus.listenerCount();
    const stream = await subscribe({ kind: "account" }, { id: instance.id, size: 10 });
    const pending = stream.next();
    expect(running.app.services.bus.listenerCount()).toBe(listeners + 1);
    await expect(stream.return?.()).resolves.toMatchObject({ done: true });
    await expect(pending).resolves.toMatchObject({ done: true });
    expect(running.app.services.bus.listenerCount()).toBe(listeners);
  });
});
