// What the gateway process itself prints: its structured log and the account token banner,
// never a library's console output (libsignal prints whole Signal sessions, private keys
// included, when one is replaced). The real gateway runs as a child process here.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.ts";
import { createLogger } from "../../src/logger.ts";
import { loadAuthState } from "../../src/whatsapp/auth-state.ts";
import {
  ConnectInstanceDocument,
  CreateInstanceDocument,
  InstanceQrDocument,
  MessagesDocument,
  SendTextDocument,
} from "../generated/graphql.ts";
import { secretsKeyEnv } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { freshDatabase } from "../support/database.ts";
import { TEST_ROOT_SETTING, until, WhatsAppSimulator } from "../support/whatsapp.ts";

const ACCOUNT = "15556660001";
const CONTACT = "15556660002";
const CONTACT_JID = `${CONTACT}@s.whatsapp.net`;

let sim: WhatsAppSimulator;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let child: ChildProcess;
let stdout = "";
let stderr = "";

beforeAll(async () => {
  sim = await WhatsAppSimulator.start();
  database = await freshDatabase();
  const { ACCOUNT_TOKEN: _token, JWT_SECRET: _secret, ...env } = process.env;
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: database.url,
      ...secretsKeyEnv(database.url),
      // Debug: lines routed from the console show up, so their content can be checked too.
      LOG_LEVEL: "debug",
      WA_LOG_LEVEL: "warn",
      WA_WS_URL: sim.url,
      ...TEST_ROOT_SETTING,
      WA_RECONNECT_BASE_MS: "50",
      WA_RECONNECT_MAX_MS: "400",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGKILL");
    await once(child, "exit");
  }
  await sim?.stop();
  await database?.drop();
});

const SECRET_FIELDS = /^(private|privKey|rootKey|key|advSecretKey)$/;

/** The secret key bytes the gateway stored for an instance: its creds and its Signal sessions. */
async function storedSecrets(instanceId: string): Promise<Buffer[]> {
  const db = await createDatabase(database.url);
  try {
    const auth = await loadAuthState(db, instanceId, createLogger("silent"));
    const rows = await db.prisma.authKey.findMany({ where: { instanceId, type: "session" } });
    const sessions = await auth.state.keys.get(
      "session",
      rows.map((row) => row.keyId),
    );
    const secrets: Buffer[] = [];
    // Creds hold Buffers; serialized sessions hold base64 text (ratchet, root and chain keys).
    const collect = (value: unknown, name = ""): void => {
      if (SECRET_FIELDS.test(name) && (value instanceof Uint8Array || typeof value === "string")) {
        const bytes = typeof value === "string" ? Buffer.from(value, "base64") : Buffer.from(value);
        if (bytes.length >= 16) secrets.push(bytes);
      } else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) collect(inner, key);
      }
    };
    collect(auth.state.creds);
    collect(sessions);
    return secrets;
  } finally {
    await db.close();
  }
}

describe("the gateway process's output", () => {
  it("holds no key material after a contact replaced its session and the gateway sent to it", async () => {
    const banner = await until(
      async () => stdout,
      (out) => /Account token \(shown once, keep it\): wag_\S+/.test(out) || child.exitCode !== null,
      60_000,
    );
    const token = banner.match(/Account token \(shown once, keep it\): (wag_\S+)/)?.[1] as string;
    const url = banner.match(/GraphQL \(GraphiQL\): (http:\/\/\S+)\/graphql/)?.[1] as string;
    expect(token).toBeTruthy();

    const created = await gql(url, CreateInstanceDocument, { input: { name: "printer" } }, token);
    if (created.data?.createInstance.__typename !== "InstanceWithToken")
      throw new Error(JSON.stringify(created));
    const { id, instanceId } = created.data.createInstance.instance;
    await gql(url, ConnectInstanceDocument, { id }, token);
    const qr = async () => {
      const answer = await gql(url, InstanceQrDocument, { id }, token);
      return answer.data?.instance.__typename === "Instance" ? answer.data.instance : undefined;
    };
    const shown = await until(qr, (instance) => Boolean(instance?.qrcode));
    await sim.phone(ACCOUNT, "Printer").scan(shown?.qrcode?.code as string);
    await until(qr, (instance) => instance?.connection === "open");

    const contact = sim.contact(CONTACT, "Bob");
    const stored = async () => {
      const answer = await gql(url, MessagesDocument, { id, chat: CONTACT_JID, first: 20 }, token);
      return answer.data?.instance.__typename === "Instance" ? answer.data.instance.messages.totalCount : 0;
    };
    const send = async (text: string) => {
      const sent = await gql(url, SendTextDocument, { instanceId: id, to: CONTACT, text }, token);
      expect(sent.data?.sendText.__typename).toBe("Message");
      await contact.waitForText(text);
    };
    await contact.sendText(ACCOUNT, "hello", { encrypt: true });
    await until(stored, (count) => count === 1);
    await send("hello Bob");
    // Bob's phone starts a new session: the gateway closes the one it had.
    await contact.replaceSession(ACCOUNT);
    const renewed = await contact.send(ACCOUNT, { conversation: "new phone, same me" }, { encrypt: true });
    expect(renewed.types).toEqual(["pkmsg"]);
    await until(stored, (count) => count === 3);
    await send("welcome back");

    child.kill("SIGTERM");
    await once(child, "exit");
    const output = stdout + stderr;

    for (const marker of ["SessionEntry", "privKey", "pubKey", "rootKey", "<Buffer"]) {
      expect(output).not.toContain(marker);
    }
    const secrets = await storedSecrets(instanceId);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) {
      const spacedHex = [...secret.subarray(0, 8)]
        .map((byte) => byte.toString(16).padStart(2, "0"))
        .join(" ");
      for (const form of [spacedHex, secret.toString("hex"), secret.toString("base64")]) {
        expect(output).not.toContain(form);
      }
    }
    // libsignal's session dump went to the log as a debug line, its objects left out.
    const routed = stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.part === "console");
    expect(routed.map((entry) => entry.msg)).toContain("Closing session:");
    // Besides the structured log, stdout holds the banner with the generated token, once.
    const plain = stdout.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("{"));
    expect(plain).toEqual([
      "  wagraph is running",
      expect.stringMatching(/^ {2}GraphQL \(GraphiQL\): http:\/\/127\.0\.0\.1:\d+\/graphql$/),
      expect.stringMatching(/^ {2}OpenAPI: +http:\/\/127\.0\.0\.1:\d+\/openapi\.json$/),
      `  Account token (shown once, keep it): ${token}`,
    ]);
  }, 90_000);
});
