/**
 * bench:crash — the gateway killed (SIGKILL) during an inbound burst with a webhook set, then
 * restarted on the same SQLite file: committed events against delivered webhook-ids, and the
 * messages Baileys acknowledged to WhatsApp that the gateway never committed (it sends the
 * receipt before it emits the message). The scenario is test/support/crash-burst.ts, which
 * test/delivery/crash-recovery.test.ts runs with a smaller burst; the simulator runs in this
 * process and sends again what the killed process never acked, as WhatsApp does.
 *
 * Env: BENCH_CRASH_COUNT (10000), BENCH_CRASH_ROUNDS (3), BENCH_CRASH_KILL_AT (fraction of
 * the burst acked when the kill comes, 0.33), BENCH_GATEWAY (dist or tsx, see support/runtime.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { crashDuringBurst } from "../test/support/crash-burst.ts";
import { startReceiver } from "../test/support/receiver.ts";
import { WhatsAppSimulator } from "../test/support/whatsapp.ts";
import { gatewayMode, gatewayModeLine, nodeArgs } from "./support/runtime.ts";

const COUNT = Number(process.env.BENCH_CRASH_COUNT ?? "10000");
const ROUNDS = Number(process.env.BENCH_CRASH_ROUNDS ?? "3");
const KILL_AT = Number(process.env.BENCH_CRASH_KILL_AT ?? "0.33");

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const args = await nodeArgs("src/main.ts");
  const lines = [
    "| round | killed after ms | acked before kill (approx.) | committed | delivered (distinct) | requests | every burst event delivered, nothing else | acked, never committed | neither |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
  ];
  for (let round = 1; round <= ROUNDS; round++) {
    const sim = await WhatsAppSimulator.start({ offlineQueueLimit: COUNT, redeliverUnacked: true });
    const receiver = await startReceiver();
    const dir = mkdtempSync(join(tmpdir(), "wagraph-bench-crash-"));
    try {
      const report = await crashDuringBurst({
        sim,
        receiver,
        databaseUrl: `file:${join(dir, "gateway.db")}`,
        account: "15550120001",
        contact: "15550120002",
        count: COUNT,
        killAfterStanzas: Math.round(COUNT * KILL_AT),
        nodeArgs: args,
        log: (line) => console.error(`round ${round}: ${line}`),
      });
      const committed = [...report.committed.keys()].sort();
      const delivered = [...report.delivered].sort();
      for (const line of report.failedAttempts) console.error(`round ${round}: ${line}`);
      if (report.undelivered.length > 0) {
        console.error(
          `round ${round}: committed, not delivered (webhook created ${report.webhookCreatedAt}, SIGTERM at ${report.stoppedAt}): ${JSON.stringify(report.undelivered)}`,
        );
      }
      const same = committed.length === delivered.length && committed.every((id, i) => id === delivered[i]);
      lines.push(
        `| ${round} | ${report.killedAfterMs.toFixed(0)} | ${Math.round(COUNT * KILL_AT)} | ${report.committed.size} | ` +
          `${report.delivered.size} | ${report.requests} | ${same ? "yes" : "**no**"} | ` +
          `${report.ackedNotCommitted.length} | ${report.neitherAckedNorCommitted} |`,
      );
    } finally {
      await receiver.close();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const cpu = cpus();
  lines.push(
    "",
    gatewayModeLine(),
    `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, Linux ${release()}`,
    `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
    `Date: ${new Date().toISOString()}`,
    `Command: BENCH_CRASH_COUNT=${COUNT} BENCH_CRASH_ROUNDS=${ROUNDS} BENCH_CRASH_KILL_AT=${KILL_AT} BENCH_GATEWAY=${gatewayMode} npm run bench:crash`,
  );
  console.log(`\n${lines.join("\n")}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
