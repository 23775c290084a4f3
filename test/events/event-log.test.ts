// The event log: every event committed with its rows, numbered per instance, in the order
// the sinks see it, and kept when the instance is deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeleteInstanceDocument, RotateInstanceTokenDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { linkInstance, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15554470001";
const CONTACT = "15554470002";

let sim: WhatsAppSimulator;
let running: RunningApp;
let instance: InstanceFixture;
const seen: { instanceId: string; seq: number; type: string }[] = [];

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim);
  running.app.services.bus.on((event) =>
    seen.push({ instanceId: event.instanceId, seq: event.seq, type: event.type }),
  );
  instance = await createInstance(running.url);
  await linkInstance(running, sim, instance, ACCOUNT);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

const logged = (instanceId: string) =>
  running.app.services.prisma.event.findMany({ where: { instanceId }, orderBy: { seq: "asc" } });

describe("event log", () => {
  it("numbers an instance's events 1, 2, 3 … in the order sinks see them, each stored with its rows", async () => {
    const contact = sim.contact(CONTACT, "Dora");
    const sent: string[] = [];
    for (let index = 0; index < 30; index += 1) sent.push(await contact.sendText(ACCOUNT, `hello ${index}`));
    // A service's event in the middle of the engine's: one sequence for both.
    const rotated = await gql(running.url, RotateInstanceTokenDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(rotated.errors).toBeUndefined();
    await until(
      () =>
        running.app.services.prisma.message.count({ where: { instanceId: instance.uuid, fromMe: false } }),
      (count) => count >= 30,
    );
    await running.app.services.engine.session(instance.uuid)?.queue.idle();
    await running.app.services.log.settled(instance.uuid);

    const rows = await logged(instance.uuid);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    const live = seen.filter((event) => event.instanceId === instance.uuid);
    expect(live.map((event) => event.seq)).toEqual(rows.map((row) => row.seq));
    expect(live.map((event) => event.type)).toEqual(rows.map((row) => row.type));
    expect(rows.some((row) => row.type === "newJwt")).toBe(true);

    // Every stored message has its event, and the event's data is plain JSON text.
    const upserted = rows
      .filter((row) => row.type === "messagesUpsert")
      .map((row) => (JSON.parse(row.data) as { message: { key: { id: string } } }).message.key.id);
    const stored = await running.app.services.prisma.message.findMany({
      where: { instanceId: instance.uuid, fromMe: false },
      select: { keyId: true },
    });
    expect(stored.map((row) => row.keyId).sort()).toEqual([...sent].sort());
    for (const keyId of sent) expect(upserted).toContain(keyId);
    expect(rows.find((row) => row.type === "messagesUpsert")?.data).not.toMatch(/"low":|"type":"Buffer"/);
  });

  it("goes on from the stored sequence after a restart", async () => {
    await running.app.close();
    const restartedAt = new Date();
    const databaseUrl = running.databaseUrl;
    running = await startGateway(sim, {}, databaseUrl);
    // The new process reopens the session: its events follow the old process's last one.
    const rows = await until(
      () => logged(instance.uuid),
      (all) => all.some((row) => row.createdAt >= restartedAt),
    );
    const first = rows.findIndex((row) => row.createdAt >= restartedAt);
    expect(first).toBeGreaterThan(0);
    expect(rows[first].seq).toBe(rows[first - 1].seq + 1);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
  });

  it("keeps an instance's events, instanceDelete last, after its rows are gone", async () => {
    const deleted = await gql(running.url, DeleteInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
    expect(deleted.errors).toBeUndefined();
    const rows = await logged(instance.uuid);
    expect(rows[rows.length - 1].type).toBe("instanceDelete");
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(await running.app.services.prisma.instance.count({ where: { id: instance.uuid } })).toBe(0);
  });
});
