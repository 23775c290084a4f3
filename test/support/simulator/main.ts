/**
 * Standalone simulator process for benchmarks:
 *
 *   SIM_PORT=7001 SIM_CONTROL_PORT=7002 npx tsx test/support/simulator/main.ts
 *
 * WhatsApp protocol on SIM_PORT, a small JSON-over-HTTP control API on SIM_CONTROL_PORT
 * (see README.md). Prints one JSON line `{"url":…,"control":…}` on stdout when ready.
 * Its certificate chain is signed by TEST_ROOT_KEY (a fixed seed): a gateway trusts it with
 * WA_ROOT_PUBLIC_KEY set to that key, a plain Baileys process by calling trustTestRootKey().
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimulatedGroup } from "./group.ts";
import type { PhoneHistory } from "./history.ts";
import type { DisconnectReasonName, PresenceKind } from "./server.ts";
import { WhatsAppSimulator } from "./server.ts";

const MAX_BODY = 1 << 20;

type Json = Record<string, unknown>;
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function str(body: Json, key: string, required = true): string {
  const v = body[key];
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (required) throw new HttpError(400, `missing "${key}"`);
  return "";
}

async function readJson(req: IncomingMessage): Promise<Json> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "body too large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json;
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
}

const REASONS: DisconnectReasonName[] = ["restartRequired", "loggedOut", "replaced", "drop", "badSession"];

async function route(sim: WhatsAppSimulator, method: string, path: string, body: Json): Promise<Json> {
  const key = `${method} ${path}`;
  switch (key) {
    case "GET /health":
      return { ok: true, url: sim.url };
    case "GET /stats":
      return {
        ...sim.stats(),
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
        heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
        cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
      };
    case "GET /accounts":
      return { connected: sim.connectedAccounts() };
    case "POST /scan": {
      // Link the client showing `qr` to the account `phone`.
      const history = body.history as PhoneHistory | undefined;
      const phone = sim.phone(str(body, "phone"), str(body, "pushName", false) || undefined, { history });
      await phone.scan(str(body, "qr")).catch((err: Error) => {
        throw new HttpError(409, err.message);
      });
      return { ok: true, jid: phone.lastLinkedJid };
    }
    case "POST /send": {
      // A contact sends `count` texts to an account as fast as possible; waits for acks.
      const count = Math.max(1, Math.min(Number(body.count ?? 1), 1_000_000));
      const contact = sim.contact(str(body, "from"), str(body, "pushName", false) || undefined);
      const prefix = str(body, "text", false) || "bench";
      const result = await contact.sendBurst(str(body, "to"), count, {
        encrypt: body.encrypt === true,
        addressing: body.addressing === "lid" ? "lid" : "pn",
        // With stamp, each text ends with its send time (epoch ms), for latency measurements.
        text: body.stamp === true ? (i) => `${prefix} ${i} @${Date.now()}` : (i) => `${prefix} ${i}`,
        timeoutMs: Number(body.timeoutMs ?? 60_000),
      });
      return {
        sent: count,
        acked: result.acked,
        ms: Math.round(result.ms),
        ...(count <= 100 ? { ids: result.ids } : {}),
      };
    }
    case "POST /receipt": {
      const type = str(body, "type", false) === "read" ? "read" : "delivery";
      await sim.sendReceipt(str(body, "account"), str(body, "id"), str(body, "from"), type);
      return { ok: true };
    }
    case "POST /presence": {
      await sim.sendPresence(str(body, "account"), str(body, "from"), str(body, "presence") as PresenceKind);
      return { ok: true };
    }
    case "POST /call":
      return {
        callId: await sim.sendCallOffer(str(body, "account"), str(body, "from"), {
          video: body.video === true,
        }),
      };
    case "POST /disconnect": {
      const reason = str(body, "reason") as DisconnectReasonName;
      if (!REASONS.includes(reason)) throw new HttpError(400, `reason must be one of ${REASONS.join(", ")}`);
      sim.disconnect(str(body, "phone"), reason);
      return { ok: true };
    }
    case "POST /group": {
      const list = (key: string) =>
        Array.isArray(body[key]) ? (body[key] as unknown[]).map(String) : undefined;
      const group = sim.createGroup({
        subject: str(body, "subject"),
        creator: str(body, "creator"),
        participants: list("participants") ?? [],
        admins: list("admins"),
        description: str(body, "description", false) || undefined,
        addressing: body.addressing === "lid" ? "lid" : "pn",
      });
      return { jid: group.jid };
    }
    case "POST /group/change": {
      const group = groupOf(sim, body);
      const by = str(body, "by");
      const action = str(body, "action");
      const phones = Array.isArray(body.phones) ? body.phones.map(String) : [];
      if (action === "add" || action === "remove" || action === "promote" || action === "demote")
        group[action](by, phones);
      else if (action === "subject") group.setSubject(by, str(body, "subject"));
      else if (action === "description")
        group.setDescription(by, str(body, "description", false) || undefined);
      else throw new HttpError(400, "action must be add, remove, promote, demote, subject or description");
      return { ok: true, participants: group.participants() };
    }
    case "POST /group/send": {
      const group = groupOf(sim, body);
      const sent = await group.send(
        str(body, "from"),
        { conversation: str(body, "text", false) || "bench" },
        { encrypt: body.encrypt === true, waitForAckMs: Number(body.timeoutMs ?? 10_000) },
      );
      return { ...sent };
    }
    case "POST /qr-refs":
      sim.qrRefs = Number(body.count ?? 6);
      return { qrRefs: sim.qrRefs };
    case "GET /received": {
      const contact = sim.contact(str(body, "phone"));
      return { messages: contact.received.map(({ id, from, text, type }) => ({ id, from, text, type })) };
    }
    default:
      throw new HttpError(404, `no route ${key}`);
  }
}

function groupOf(sim: WhatsAppSimulator, body: Json): SimulatedGroup {
  const group = sim.group(str(body, "jid"));
  if (!group) throw new HttpError(404, `no group ${str(body, "jid")}`);
  return group;
}

async function main(): Promise<void> {
  const host = process.env.SIM_HOST ?? "127.0.0.1";
  const sim = await WhatsAppSimulator.start({
    port: Number(process.env.SIM_PORT ?? 0),
    host,
    log: process.env.SIM_LOG === "1",
    ...(process.env.SIM_QR_REFS ? { qrRefs: Number(process.env.SIM_QR_REFS) } : {}),
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    control.closeAllConnections();
    control.close();
    await sim.stop();
    process.exit(0);
  };

  const control = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://control");
    const reply = (status: number, data: Json) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(data));
    };
    if (req.method === "POST" && url.pathname === "/stop") {
      reply(200, { ok: true });
      void stop();
      return;
    }
    readJson(req)
      .then((body) => {
        // Query parameters work too, for GETs.
        for (const [k, v] of url.searchParams) body[k] ??= v;
        return route(sim, req.method ?? "GET", url.pathname, body);
      })
      .then((data) => reply(200, data))
      .catch((err: unknown) =>
        reply(err instanceof HttpError ? err.status : 500, { error: String((err as Error)?.message ?? err) }),
      );
  });
  // Pairing a thousand clients at once means a thousand concurrent requests.
  control.maxConnections = 10_000;
  await new Promise<void>((resolve) =>
    control.listen(Number(process.env.SIM_CONTROL_PORT ?? 0), host, resolve),
  );
  const controlPort = (control.address() as AddressInfo).port;

  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.stdout.write(`${JSON.stringify({ url: sim.url, control: `http://${host}:${controlPort}` })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
