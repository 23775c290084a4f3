/**
 * bench:replay — how fast a resumed subscription catches up over graphql-ws.
 *
 * An in-process gateway on a fresh database; one instance gets 10,000 logged events (message
 * upserts shaped like the engine's), then a client resumes from seq 0 with `instanceEvents`
 * (data only, then the typed payload) and with `instanceEventBatches` (100 per frame), and the
 * time until the last event arrives is printed. Env: BENCH_DATABASE_URL (a postgresql:// server).
 */
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { MAX_REPLAY } from "../src/events/replay.ts";
import { benchDatabases, startInProcessGateway } from "./support/server.ts";

const ACCOUNT_TOKEN = "bench-account-token-0123456789";

const QUERIES = {
  "instanceEvents { seq data }":
    "subscription ($id: ID!) { instanceEvents(instanceId: $id, afterSeq: 0) { seq data } }",
  "instanceEvents { seq payload }":
    "subscription ($id: ID!) { instanceEvents(instanceId: $id, afterSeq: 0) { seq payload { ... on MessagesEventPayload { messages { key { chatJid keyId } pushName text timestamp } } } } }",
  "instanceEventBatches(100) { seq data }":
    "subscription ($id: ID!) { instanceEventBatches(instanceId: $id, afterSeq: 0, maxBatchSize: 100) { seq data } }",
};

function messageEvent(index: number) {
  return {
    message: {
      key: {
        remoteJid: `1555000${index % 50}@s.whatsapp.net`,
        id: `3EB0${index.toString(16).padStart(16, "0")}`,
        fromMe: false,
      },
      message: { conversation: `message number ${index}` },
      messageTimestamp: 1_765_000_000 + index,
      pushName: "Bench",
    },
    type: "notify",
  };
}

async function main() {
  const databases = await benchDatabases(process.env.BENCH_DATABASE_URL);
  const { app, url } = await startInProcessGateway(databases.server, ACCOUNT_TOKEN);
  try {
    const instance = await app.services.instances.create({ kind: "account" }, { name: "replay" });
    const { id, name } = instance.instance;
    for (let start = 0; start < MAX_REPLAY; start += 1000) {
      await app.services.log.emit(
        Array.from({ length: 1000 }, (_, offset) => ({
          instanceId: id,
          instanceName: name,
          type: "messagesUpsert" as const,
          data: messageEvent(start + offset),
        })),
      );
    }
    console.log(`database: ${databases.kind}; ${MAX_REPLAY} logged events replayed from seq 0`);
    for (const [label, query] of Object.entries(QUERIES)) {
      const client = createClient({
        url: `${url.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${ACCOUNT_TOKEN}` },
        retryAttempts: 0,
      });
      const started = performance.now();
      let received = 0;
      await new Promise<void>((resolve, reject) => {
        const stop = client.subscribe(
          { query, variables: { id } },
          {
            next: (result) => {
              if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
              const value = Object.values(result.data ?? {})[0];
              received += Array.isArray(value) ? value.length : 1;
              if (received >= MAX_REPLAY) {
                stop();
                resolve();
              }
            },
            error: reject,
            complete: () => resolve(),
          },
        );
      });
      const ms = performance.now() - started;
      console.log(
        `${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${((received / ms) * 1000).toFixed(0).padStart(7)} events/s`,
      );
      await client.dispose();
    }
  } finally {
    await app.close();
    await databases.drop();
  }
}

await main();
