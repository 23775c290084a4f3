/**
 * bench:api — throughput and latency of the GraphQL endpoint on loopback.
 *
 * The gateway runs as a child process (compiled or through tsx, see support/runtime.ts) on a fresh database seeded with 50
 * instances, each with two webhooks and a socket, all through the GraphQL API. This process
 * generates the load with autocannon, alternating a nested list query (A) and a bare
 * `{ __typename }` (B) on the same server: A, B, A, B. A second gateway, in this process and
 * on a second database seeded the same way, counts the SQL statements of one request of each.
 *
 * Env: BENCH_DURATION_S (measured seconds per run, default 10; warm-up is 2 s or less),
 * BENCH_DATABASE_URL (a postgresql:// server URL; two fresh databases are made there),
 * BENCH_GATEWAY (`dist`, the default: the compiled gateway; `tsx`: the TypeScript source).
 */
import { cpus, loadavg, release } from "node:os";
import { type LoadResult, runLoad } from "./support/load.ts";
import { gatewayMode, gatewayModeLine } from "./support/runtime.ts";
import { graphql, seed } from "./support/seed.ts";
import {
  benchDatabases,
  type ChildGateway,
  cpuTimeMs,
  startChildGateway,
  startInProcessGateway,
} from "./support/server.ts";

const ACCOUNT_TOKEN = "bench-account-token-0123456789";
const INSTANCES = 50;
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? "10");
const WARMUP_S = Math.min(2, DURATION_S);

const QUERY_A = `query { instances(first: ${INSTANCES}) { edges { node { id name state connection webhooks { id name url enabled events { messagesUpsert } } socket { enabled events { messagesUpsert } } } } } }`;
const QUERY_B = "{ __typename }";
const HEADERS = { "content-type": "application/json", authorization: `Bearer ${ACCOUNT_TOKEN}` };

interface Workload {
  name: "A" | "B";
  label: string;
  query: string;
  verifyBody(body: string): boolean;
}

const WORKLOADS: Record<"A" | "B", Workload> = {
  A: {
    name: "A",
    label: `instances(first: ${INSTANCES}) with webhooks and socket`,
    query: QUERY_A,
    verifyBody: (body) => body.startsWith('{"data":{"instances":{"edges":[') && !body.includes('"errors"'),
  },
  B: {
    name: "B",
    label: "{ __typename }",
    query: QUERY_B,
    verifyBody: (body) => body === '{"data":{"__typename":"Query"}}',
  },
};
const SEQUENCE: Workload[] = [WORKLOADS.A, WORKLOADS.B, WORKLOADS.A, WORKLOADS.B];

interface Run {
  workload: Workload;
  result: LoadResult;
  /** Server process CPU time per request, ms (null when /proc is unavailable). */
  serverCpuMsPerRequest: number | null;
  /** Server process CPU time over wall time, in % of one core. */
  serverCpuPercent: number | null;
  /** This process's CPU time over wall time, in % of one core. */
  loadCpuPercent: number;
}

/** Fails early when the seeded data or the answers are not what the workloads expect. */
async function checkAnswers(url: string): Promise<void> {
  const data = await graphql(url, ACCOUNT_TOKEN, QUERY_A);
  const edges: any[] = data.instances.edges;
  const complete = edges.every((edge) => edge.node.webhooks.length === 2 && edge.node.socket?.enabled);
  if (edges.length !== INSTANCES || !complete) throw new Error("workload A does not see the seeded data");
  const answer = await fetch(`${url}/graphql`, post(QUERY_B));
  if (!WORKLOADS.B.verifyBody(await answer.text())) throw new Error("workload B answers unexpectedly");
}

function post(query: string): RequestInit {
  return { method: "POST", headers: HEADERS, body: JSON.stringify({ query }) };
}

/** SQL statements sent for one request of each workload, after one unmeasured request. */
async function countStatements(databaseUrl: string): Promise<Record<"A" | "B", number>> {
  const gateway = await startInProcessGateway(databaseUrl, ACCOUNT_TOKEN);
  try {
    await seed(gateway.url, ACCOUNT_TOKEN, INSTANCES);
    await checkAnswers(gateway.url);
    const count = async (workload: Workload) => {
      const before = gateway.app.services.db.statementCount();
      const answer = await fetch(`${gateway.url}/graphql`, post(workload.query));
      if (!workload.verifyBody(await answer.text())) throw new Error(`workload ${workload.name} failed`);
      return gateway.app.services.db.statementCount() - before;
    };
    const counts = { A: 0, B: 0 };
    for (const workload of [WORKLOADS.A, WORKLOADS.B]) {
      await count(workload);
      counts[workload.name] = await count(workload);
    }
    return counts;
  } finally {
    await gateway.app.close();
  }
}

async function measure(server: ChildGateway, workload: Workload): Promise<Run> {
  const options = {
    url: `${server.url}/graphql`,
    body: JSON.stringify({ query: workload.query }),
    headers: HEADERS,
    connections: CONNECTIONS,
    verifyBody: workload.verifyBody,
  };
  if (WARMUP_S > 0) await runLoad({ ...options, durationS: WARMUP_S });
  const serverBefore = cpuTimeMs(server.pid);
  const loadBefore = process.cpuUsage();
  const started = performance.now();
  const result = await runLoad({ ...options, durationS: DURATION_S });
  const wallMs = performance.now() - started;
  const serverAfter = cpuTimeMs(server.pid);
  const load = process.cpuUsage(loadBefore);
  const serverMs = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
  return {
    workload,
    result,
    serverCpuMsPerRequest: serverMs === null ? null : serverMs / result.requests,
    serverCpuPercent: serverMs === null ? null : (100 * serverMs) / wallMs,
    loadCpuPercent: (100 * (load.user + load.system)) / 1000 / wallMs,
  };
}

const fixed = (value: number | null, digits: number) => (value === null ? "n/a" : value.toFixed(digits));

function report(
  runs: Run[],
  statements: Record<"A" | "B", number>,
  database: string,
  loadBefore: number,
): string {
  const lines = [
    "| run | workload | requests | req/s | p50 ms | p99 ms | server CPU ms/req | server CPU % | load gen CPU % |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  runs.forEach((run, index) => {
    const { result } = run;
    lines.push(
      `| ${index + 1} | ${run.workload.name} | ${result.requests} | ${result.rps.toFixed(0)} | ` +
        `${result.p50Ms.toFixed(2)} | ${result.p99Ms.toFixed(2)} | ${fixed(run.serverCpuMsPerRequest, 3)} | ` +
        `${fixed(run.serverCpuPercent, 0)} | ${run.loadCpuPercent.toFixed(0)} |`,
    );
  });
  lines.push(
    "",
    "| pair | A/B req/s | A/B p50 | A/B server CPU per request |",
    "| --- | ---: | ---: | ---: |",
  );
  const ratios: number[][] = [];
  for (let index = 0; index + 1 < runs.length; index += 2) {
    const [a, b] = [runs[index], runs[index + 1]];
    const cpuA = a.serverCpuMsPerRequest;
    const cpuB = b.serverCpuMsPerRequest;
    const cpu = cpuA === null || cpuB === null ? Number.NaN : cpuA / cpuB;
    ratios.push([a.result.rps / b.result.rps, a.result.p50Ms / b.result.p50Ms, cpu]);
  }
  const mean = (column: number) => ratios.reduce((sum, ratio) => sum + ratio[column], 0) / ratios.length;
  ratios.push([mean(0), mean(1), mean(2)]);
  ratios.forEach(([rps, p50, cpu], index) => {
    const pair = index < ratios.length - 1 ? `runs ${2 * index + 1}/${2 * index + 2}` : "mean";
    lines.push(
      `| ${pair} | ${rps.toFixed(3)} | ${p50.toFixed(1)} | ${Number.isNaN(cpu) ? "n/a" : cpu.toFixed(1)} |`,
    );
  });
  const cpu = cpus();
  const env = process.env.BENCH_DURATION_S ? `BENCH_DURATION_S=${process.env.BENCH_DURATION_S} ` : "";
  lines.push(
    "",
    `SQL statements per request: A = ${statements.A}, B = ${statements.B}`,
    "",
    `A: ${WORKLOADS.A.label}; B: ${WORKLOADS.B.label}`,
    `${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured per run, ${database}`,
    gatewayModeLine(),
    `Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, Linux ${release()}`,
    `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)} (other jobs count too)`,
    `Date: ${new Date().toISOString()}`,
    `Command: ${env}${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL=… " : ""}BENCH_GATEWAY=${gatewayMode} npm run bench:api`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (!Number.isFinite(DURATION_S) || DURATION_S <= 0) throw new Error("BENCH_DURATION_S must be > 0");
  const loadBefore = loadavg()[0];
  const databases = await benchDatabases(process.env.BENCH_DATABASE_URL || undefined);
  let server: ChildGateway | undefined;
  try {
    server = await startChildGateway({
      DATABASE_URL: databases.server,
      ACCOUNT_TOKEN,
      LOG_LEVEL: "warn",
    });
    console.error(`seeding ${INSTANCES} instances on ${server.url} (${databases.kind})`);
    await seed(server.url, ACCOUNT_TOKEN, INSTANCES);
    await checkAnswers(server.url);
    console.error("counting SQL statements on an in-process gateway");
    const statements = await countStatements(databases.counting);
    const runs: Run[] = [];
    for (const workload of SEQUENCE) {
      console.error(`run ${runs.length + 1}: workload ${workload.name} (${WARMUP_S} s + ${DURATION_S} s)`);
      runs.push(await measure(server, workload));
    }
    console.log(`\n${report(runs, statements, databases.kind, loadBefore)}`);
  } finally {
    await server?.stop();
    await databases.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
