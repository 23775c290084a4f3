// A gateway killed (SIGKILL) during an inbound burst and restarted on the same database, with
// a webhook to a loopback receiver: what was committed, delivered and acknowledged to
// WhatsApp. Shared by test/delivery/crash-recovery.test.ts and bench/crash.ts.
import { createDatabase } from "../../src/db/client.ts";
import { ConnectInstanceDocument, CreateWebhookDocument, InstanceQrDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, secretsKeyEnv } from "./app.ts";
import { gql } from "./clients.ts";
import { createInstance } from "./fixtures.ts";
import { type GatewayChild, startGatewayChild } from "./gateway-child.ts";
import type { Receiver } from "./receiver.ts";
import { engineEnv, until, type WhatsAppSimulator } from "./whatsapp.ts";

export interface CrashBurstOptions {
  sim: WhatsAppSimulator;
  receiver: Receiver;
  databaseUrl: string;
  account: string;
  contact: string;
  count: number;
  /**
   * SIGKILL once the simulator has this many stanzas (receipts, acks) from the account since
   * the burst started. Webhooks trail the burst by seconds, so their count would come too late.
   */
  killAfterStanzas: number;
  /** How long deliveries must stay unchanged to count as settled. */
  quietMs?: number;
  /** `node` arguments that run the gateway (default: src/main.ts through tsx). */
  nodeArgs?: string[];
  log?: (line: string) => void;
}

export interface CrashBurstReport {
  sent: number;
  /** Receipts or acks the simulator had from the account, by either process. */
  acked: Set<string>;
  /** messagesUpsert events in the log: event id -> WhatsApp message id. */
  committed: Map<string, string>;
  /**
   * The committed events of the burst's messages. Others (the phone's history sync right
   * after linking) may predate the webhook, which delivers from its creation on.
   */
  committedBurst: Set<string>;
  /** Distinct webhook-id headers of messagesUpsert requests, and all such requests. */
  delivered: Set<string>;
  requests: number;
  /** At the SIGKILL: requests the receiver had, ms since the burst started. */
  hitsAtKill: number;
  killedAfterMs: number;
  /** Events committed by the restarted process. */
  committedAfterRestart: number;
  /** Acked to WhatsApp, never committed: lost to the receipt-before-emit window. */
  ackedNotCommitted: string[];
  /** Neither acked nor committed (0 when the simulator sends again what was never acked). */
  neitherAckedNorCommitted: number;
  /** Committed messagesUpsert events no request carried, and the SIGTERM of the second process. */
  undelivered: { id: string; seq: number; createdAt: string; messageId: string; sent: boolean }[];
  stoppedAt: string;
  webhookCreatedAt: string;
  /** The gateways' log lines about failed webhook attempts. */
  failedAttempts: string[];
}

const upsertIdOf = (hit: { headers: Record<string, unknown>; body: string }) =>
  hit.body.includes('"type":"messagesUpsert"') ? String(hit.headers["webhook-id"]) : undefined;

/**
 * Links a new instance through a gateway's API only (the gateway may be another process):
 * connect, scan the QR code it shows with a simulated phone, wait for `open`.
 */
export async function linkThroughApi(url: string, sim: WhatsAppSimulator, phone: string, name: string) {
  const instance = await createInstance(url, name);
  await gql(url, ConnectInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
  const state = async () => {
    const answer = await gql(url, InstanceQrDocument, { id: instance.id }, ACCOUNT_TOKEN);
    return answer.data?.instance.__typename === "Instance" ? answer.data.instance : undefined;
  };
  const shown = await until(state, (value) => Boolean(value?.qrcode?.code), 30_000);
  await sim.phone(phone, `${name} phone`).scan(shown?.qrcode?.code as string);
  await until(state, (value) => value?.connection === "open", 30_000);
  return instance;
}

export async function crashDuringBurst(options: CrashBurstOptions): Promise<CrashBurstReport> {
  const { sim, receiver, databaseUrl, account, count } = options;
  const log = options.log ?? (() => {});
  const env = {
    ...engineEnv(sim),
    DATABASE_URL: databaseUrl,
    ...secretsKeyEnv(databaseUrl),
    ACCOUNT_TOKEN,
    OUTBOUND_ALLOW: "127.0.0.1",
  };
  const upserts = () => receiver.hits.filter((hit) => upsertIdOf(hit) !== undefined).length;
  const first = await startGatewayChild(env, options.nodeArgs);
  let second: GatewayChild | undefined;
  try {
    const instance = await linkThroughApi(first.url, sim, account, "crash");
    const webhookCreatedAt = new Date().toISOString();
    const created = await gql(
      first.url,
      CreateWebhookDocument,
      {
        instanceId: instance.id,
        input: { name: "crash", url: receiver.url, enabled: true, events: { messagesUpsert: true } },
      },
      ACCOUNT_TOKEN,
    );
    if (created.data?.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(created));
    // The phone's history sync right after linking is delivered before the burst starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = upserts();

    const started = performance.now();
    let burstDone = false;
    const burst = sim
      .contact(options.contact, "Burst")
      // Long enough for the restarted process to ack what was sent again.
      .sendBurst(account, count, { timeoutMs: 60_000 })
      .finally(() => {
        burstDone = true;
      });
    const stanzasIn = () => sim.stats().stanzasIn;
    const stanzasBefore = stanzasIn();
    await until(
      async () => stanzasIn() - stanzasBefore,
      (stanzas) => stanzas >= options.killAfterStanzas || burstDone,
      120_000,
    );
    if (burstDone) throw new Error("the burst ended before the kill: raise count or lower killAfterStanzas");
    const hitsAtKill = upserts() - before;
    await first.kill("SIGKILL");
    const killedAt = Date.now();
    const killedAfterMs = performance.now() - started;
    log(`SIGKILL after ${killedAfterMs.toFixed(0)} ms, ${hitsAtKill} messagesUpsert requests received`);

    second = await startGatewayChild(env, options.nodeArgs);
    const sent = await burst;
    log(`burst over: ${sent.acked} of ${count} acked`);
    // Settled: no new request for quietMs.
    const quietMs = options.quietMs ?? 3000;
    let last = -1;
    while (receiver.hits.length !== last) {
      last = receiver.hits.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
    const stoppedAt = new Date().toISOString();
    await second.kill("SIGTERM");

    const delivered = new Set<string>();
    let requests = 0;
    for (const hit of receiver.hits) {
      const id = upsertIdOf(hit);
      if (id === undefined) continue;
      delivered.add(id);
      requests += 1;
    }
    const undelivered: CrashBurstReport["undelivered"] = [];
    const db = await createDatabase(databaseUrl);
    const committed = new Map<string, string>();
    let committedAfterRestart = 0;
    try {
      const rows = await db.prisma.event.findMany({
        where: { type: "messagesUpsert" },
        select: { id: true, seq: true, data: true, createdAt: true },
      });
      for (const row of rows) {
        if (!delivered.has(row.id)) {
          const messageId = JSON.parse(row.data).message.key.id;
          const createdAt = row.createdAt.toISOString();
          undelivered.push({
            id: row.id,
            seq: row.seq,
            createdAt,
            messageId,
            sent: sent.ids.includes(messageId),
          });
          undelivered.sort((a, b) => a.seq - b.seq);
        }
        committed.set(row.id, JSON.parse(row.data).message.key.id);
        if (row.createdAt.getTime() > killedAt) committedAfterRestart += 1;
      }
    } finally {
      await db.close();
    }
    const committedMessages = new Set(committed.values());
    const burstIds = new Set(sent.ids);
    const committedBurst = new Set(
      [...committed].filter(([, messageId]) => burstIds.has(messageId)).map(([id]) => id),
    );
    const acked = new Set(sent.ackedIds);
    const ids = new Set(sent.ids);
    const ackedNotCommitted = [...acked].filter((id) => !committedMessages.has(id));
    const neitherAckedNorCommitted = [...ids].filter((id) => !acked.has(id) && !committedMessages.has(id));
    return {
      sent: count,
      acked,
      committed,
      committedBurst,
      delivered,
      requests,
      hitsAtKill,
      killedAfterMs,
      undelivered,
      stoppedAt,
      webhookCreatedAt,
      committedAfterRestart,
      ackedNotCommitted,
      neitherAckedNorCommitted: neitherAckedNorCommitted.length,
      failedAttempts: (first.output() + second.output())
        .split("\n")
        .filter((line) => line.includes("webhook delivery attempt failed")),
    };
  } finally {
    await first.kill("SIGKILL");
    await second?.kill("SIGKILL");
  }
}
