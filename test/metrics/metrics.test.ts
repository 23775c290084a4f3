// GET /metrics on the real gateway: the numbers move with real activity (a linked instance, events
// through the log, a failing then healthy webhook receiver, live subscribers), and only the
// account token or METRICS_TOKEN may read them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventType } from "../../src/events/types.ts";
import {
  ConnectInstanceDocument,
  CreateWebhookDocument,
  DeleteWebhookDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql, wsClient } from "../support/clients.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";
import { type Scrape, scrape } from "../support/metrics.ts";
import { startReceiver } from "../support/receiver.ts";
import { linkInstance, startGateway, until, WhatsAppSimulator } from "../support/whatsapp.ts";
import { openStream, publishMany } from "../support/ws-streams.ts";

const PHONE = "15556610001";
const SETTINGS = { OUTBOUND_ALLOW: "127.0.0.1", WEBHOOK_RETRY_SCHEDULE: "0,100ms,5s" };

let sim: WhatsAppSimulator;
let running: RunningApp;
let linked: InstanceFixture;

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  running = await startGateway(sim, SETTINGS);
  linked = await createInstance(running.url);
  await linkInstance(running, sim, linked, PHONE);
});
afterAll(async () => {
  await running?.stop();
  await sim?.stop();
});

function emit(instance: InstanceFixture, types: EventType[]) {
  return running.app.services.log.emit(
    types.map((type, n) => ({ instanceId: instance.uuid, instanceName: instance.name, type, data: { n } })),
  );
}

/** Scrapes until the numbers say what `accept` waits for. */
function scrapeUntil(accept: (metrics: Scrape) => boolean, timeoutMs = 15_000): Promise<Scrape> {
  return until(() => scrape(running.url), accept, timeoutMs);
}

describe("GET /metrics", () => {
  it("counts sessions by connection state, and the close that linking restarts with", async () => {
    const waiting = await createInstance(running.url);
    const connected = await gql(running.url, ConnectInstanceDocument, { id: waiting.id }, ACCOUNT_TOKEN);
    expect(connected.data?.connectInstance.__typename).toBe("Instance");
    const metrics = await scrapeUntil((m) => m.value("wagraph_instances", { state: "connecting" }) === 1);
    expect(metrics.value("wagraph_instances", { state: "open" })).toBe(1);
    expect(metrics.value("wagraph_instances", { state: "refused" })).toBe(0);
    // WhatsApp asks for a restart once a QR is scanned.
    expect(
      metrics.value("wagraph_session_closes_total", { reason: "restart_required", action: "reconnect-now" }),
    ).toBe(1);
  });

  it("counts a dropped connection by its reason", async () => {
    sim.disconnect(PHONE, "drop");
    const metrics = await scrapeUntil(
      (m) =>
        m.value("wagraph_session_closes_total", { action: "reconnect-backoff" }) === 1 &&
        m.value("wagraph_instances", { state: "open" }) === 1,
    );
    const closes = metrics.samples.filter((sample) => sample.name === "wagraph_session_closes_total");
    expect(closes.map((sample) => sample.labels).sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: "connection_closed", action: "reconnect-backoff" },
      { reason: "restart_required", action: "reconnect-now" },
    ]);
  });

  it("counts committed events by type, exactly as many as were logged", async () => {
    const before = await scrape(running.url);
    await emit(linked, ["callUpsert", "callUpsert", "labelsUpdate", "callUpsert"]);
    await emit(linked, ["callUpsert"]);
    const after = await scrape(running.url);
    const grew = (type: string) =>
      after.value("wagraph_events_total", { type }) - before.value("wagraph_events_total", { type });
    expect(grew("callUpsert")).toBe(4);
    expect(grew("labelsUpdate")).toBe(1);
    expect(after.value("wagraph_event_log_rows")).toBeGreaterThan(0);
  });

  it("counts webhook attempts by outcome, and shows the backlog while the receiver fails", async () => {
    const hooked = await createInstance(running.url);
    const receiver = await startReceiver();
    let failing = true;
    receiver.answer = (_hit, response) => void response.writeHead(failing ? 500 : 200).end();
    try {
      const created = await gql(
        running.url,
        CreateWebhookDocument,
        { instanceId: hooked.id, input: { name: "metrics", url: receiver.url, enabled: true } },
        ACCOUNT_TOKEN,
      );
      if (created.data?.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(created));
      const webhook = created.data.createWebhook.webhookId;
      await emit(hooked, ["messagesUpsert"]);
      // Two attempts fail (at once, then after 100 ms); the third waits 5 s.
      await receiver.waitFor(2);
      const behind = await scrapeUntil(
        (m) => m.value("wagraph_webhook_attempts_total", { webhook, outcome: "failure" }) === 2,
      );
      expect(behind.value("wagraph_webhook_attempts_total", { webhook, outcome: "success" })).toBe(0);
      expect(behind.value("wagraph_webhook_lag_events", { webhook })).toBe(1);
      expect(behind.value("wagraph_webhook_oldest_undelivered_seconds", { webhook })).toBeGreaterThan(0.05);

      failing = false;
      // The cursor is stored just after the delivery is counted.
      const caughtUp = await scrapeUntil(
        (m) =>
          m.value("wagraph_webhook_attempts_total", { webhook, outcome: "success" }) === 1 &&
          m.value("wagraph_webhook_lag_events", { webhook }) === 0,
      );
      expect(caughtUp.value("wagraph_webhook_attempts_total", { webhook, outcome: "failure" })).toBe(2);
      expect(caughtUp.has("wagraph_webhook_oldest_undelivered_seconds", { webhook })).toBe(true);
      expect(caughtUp.value("wagraph_webhook_oldest_undelivered_seconds", { webhook })).toBe(0);
      const latencies = (outcome: string) =>
        caughtUp.value("wagraph_webhook_attempt_duration_seconds_count", { webhook, outcome });
      expect([latencies("failure"), latencies("success")]).toEqual([2, 1]);

      // A deleted webhook's series go with it.
      const id = created.data.createWebhook.id;
      const deleted = await gql(running.url, DeleteWebhookDocument, { id }, ACCOUNT_TOKEN);
      expect(deleted.data?.deleteWebhook.__typename).toBe("DeletedWebhook");
      const gone = await scrapeUntil((m) => !m.has("wagraph_webhook_attempts_total", { webhook }));
      expect(gone.has("wagraph_webhook_lag_events", { webhook })).toBe(false);
      expect(gone.has("wagraph_webhook_attempt_duration_seconds_count", { webhook })).toBe(false);
    } finally {
      await receiver.close();
    }
  }, 30_000);

  it("counts open subscription streams, graphql-ws connections and /ws clients", async () => {
    const client = wsClient(running.wsUrl, ACCOUNT_TOKEN);
    const stop = client.subscribe(
      {
        query: "subscription($id: ID!) { instanceEvents(instanceId: $id) { type } }",
        variables: { id: linked.id },
      },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    const stream = await openStream(running, "/ws", { token: ACCOUNT_TOKEN });
    const open = await scrapeUntil((m) => m.value("wagraph_subscription_streams") === 1);
    expect(open.value("wagraph_graphql_ws_connections")).toBe(1);
    expect(open.value("wagraph_ws_clients")).toBe(1);
    stop();
    await client.dispose();
    stream.ws.close();
    const closed = await scrapeUntil(
      (m) =>
        m.value("wagraph_subscription_streams") === 0 &&
        m.value("wagraph_graphql_ws_connections") === 0 &&
        m.value("wagraph_ws_clients") === 0,
    );
    expect(closed.value("wagraph_slow_clients_dropped_total")).toBe(0);
  });

  it("counts slow clients dropped, subscribers and /ws clients apart", async () => {
    const { bus } = running.app.services;
    // A subscriber that never pulls, with room for two events.
    const stalled = bus.subscribe({ instanceId: linked.uuid }, 2);
    await emit(linked, ["presenceUpdate", "presenceUpdate", "presenceUpdate"]);
    await expect(stalled.next()).rejects.toThrow(/dropped/);
    const slow = await openStream(running, "/ws", { token: ACCOUNT_TOKEN });
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let round = 0; round < 40 && running.app.http.hub.clientCount() > 0; round++) {
      await publishMany(running, linked, 256, "messagesUpsert", "x".repeat(8192));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    slow.ws.terminate();
    const metrics = await scrape(running.url);
    expect(metrics.value("wagraph_slow_clients_dropped_total", { sink: "subscription" })).toBe(1);
    expect(metrics.value("wagraph_slow_clients_dropped_total", { sink: "ws" })).toBe(1);
  }, 60_000);

  it("includes the process metrics", async () => {
    const metrics = await scrape(running.url);
    expect(metrics.has("process_cpu_user_seconds_total")).toBe(true);
    expect(metrics.has("nodejs_eventloop_lag_seconds")).toBe(true);
  });
});

describe("who may read /metrics", () => {
  it("answers the account token in any header form; refuses others in plain text", async () => {
    const instance = await createInstance(running.url);
    const get = (headers: Record<string, string>) => fetch(`${running.url}/metrics`, { headers });
    for (const headers of [{ apikey: ACCOUNT_TOKEN }, { token: ACCOUNT_TOKEN }] as Record<string, string>[]) {
      const answer = await get(headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      expect(await answer.text()).toContain("# TYPE wagraph_events_total counter");
    }
    const none = await get({});
    expect([none.status, await none.text()]).toEqual([401, "Unauthorized: a valid token is required\n"]);
    const garbage = await get({ authorization: "Bearer garbage-token-0123456789" });
    expect(garbage.status).toBe(401);
    const own = await get({ authorization: `Bearer ${instance.token}` });
    expect([own.status, await own.text()]).toEqual([403, "Forbidden: metrics need the account token\n"]);
    expect(own.headers.get("content-type")).toContain("text/plain");
  });
});

describe("settings", () => {
  it("METRICS_TOKEN reads the metrics and nothing else; the account token still does", async () => {
    const token = "metrics-only-token-0123456789";
    const gateway = await startApp({ METRICS_TOKEN: token, METRICS_PROCESS: "false" });
    try {
      const metrics = await scrape(gateway.url, token);
      expect(metrics.has("wagraph_instances")).toBe(true);
      expect(metrics.has("process_cpu_user_seconds_total")).toBe(false);
      expect((await scrape(gateway.url, ACCOUNT_TOKEN)).has("wagraph_event_log_rows")).toBe(true);
      const asApiToken = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ instances(first: 1) { totalCount } }" }),
      });
      expect(asApiToken.status).toBe(401);
      const wrong = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.status).toBe(401);
    } finally {
      await gateway.stop();
    }
  });

  it("METRICS_ENABLED=false: no /metrics route", async () => {
    const gateway = await startApp({ METRICS_ENABLED: "false" });
    try {
      const answer = await fetch(`${gateway.url}/metrics`, {
        headers: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
      });
      expect(answer.status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});
