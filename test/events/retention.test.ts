// The event log's retention: by age, by size, and never an event a webhook is still owed
// within its retry window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateWebhookDocument, PauseWebhookDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";

const HOUR = 3600_000;
let running: RunningApp;

beforeAll(async () => {
  // Half a day of retention, shorter than the default retry schedule (about 28 hours).
  running = await startApp({ EVENT_RETENTION_DAYS: "0.5", EVENT_LOG_MAX_ROWS: "1000" });
});
afterAll(async () => {
  await running?.stop();
});

const emit = (instance: InstanceFixture, count: number) =>
  running.app.services.log.emit(
    Array.from({ length: count }, (_, n) => ({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type: "presenceUpdate" as const,
      data: { n },
    })),
  );

const count = (instance: InstanceFixture) =>
  running.app.services.prisma.event.count({ where: { instanceId: instance.uuid } });

describe("event log retention", () => {
  it("removes events past the retention, keeps the newer ones", async () => {
    const instance = await createInstance(running.url);
    const events = await emit(instance, 5);
    const { retention } = running.app.services;
    await retention.prune(new Date(events[0].timestamp.getTime() + 11 * HOUR));
    expect(await count(instance)).toBe(5);
    await retention.prune(new Date(events[4].timestamp.getTime() + 13 * HOUR));
    expect(await count(instance)).toBe(0);
  });

  it("keeps what an enabled webhook is still owed until its retry schedule has run out", async () => {
    const owed = await createInstance(running.url);
    const created = await gql(
      running.url,
      CreateWebhookDocument,
      { instanceId: owed.id, input: { name: "held", url: "https://example.com/hook", enabled: true } },
      ACCOUNT_TOKEN,
    );
    if (created.data?.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(created));
    await gql(running.url, PauseWebhookDocument, { id: created.data.createWebhook.id }, ACCOUNT_TOKEN);
    const unowed = await createInstance(running.url);
    const [event] = await emit(owed, 3);
    await emit(unowed, 3);
    const { retention } = running.app.services;
    await retention.prune(new Date(event.timestamp.getTime() + 13 * HOUR));
    expect([await count(owed), await count(unowed)]).toEqual([3, 0]);
    // Past the whole schedule (and its jitter), the owed ones go too.
    await retention.prune(new Date(event.timestamp.getTime() + 40 * HOUR));
    expect(await count(owed)).toBe(0);
  });

  it("keeps at most EVENT_LOG_MAX_ROWS events, removing the oldest", async () => {
    const instance = await createInstance(running.url);
    await running.app.services.prisma.event.deleteMany({});
    const first = await emit(instance, 600);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await emit(instance, 600);
    await running.app.services.retention.prune(second[0].timestamp);
    const left = await running.app.services.prisma.event.findMany({
      where: { instanceId: instance.uuid },
      select: { seq: true },
    });
    expect(left).toHaveLength(1000);
    expect(Math.min(...left.map((row) => row.seq))).toBe(first[199].seq + 1);
  });
});
