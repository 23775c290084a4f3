// A copy of the database does not hand over the JWT signing key, the webhook signing
// secrets or the webhook authorization values: they are stored sealed with a key kept
// outside it (SECRETS_KEY, or for SQLite a key file beside the database).

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { jwtVerify, SignJWT } from "jose";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.ts";
import { isPostgresUrl, parseDatabaseUrl } from "../../src/db/database-url.ts";
import { SecretBox, SecretsKeyError } from "../../src/db/secret-box.ts";
import { decodeSecretsKey, secretsKeyFile } from "../../src/db/secrets-key.ts";
import {
  CreateWebhookDocument,
  InstanceDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookDocument,
  WebhookSecretsDocument,
} from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "../support/app.ts";
import { gql } from "../support/clients.ts";
import { databaseKind, freshDatabase } from "../support/database.ts";
import { createInstance, type InstanceFixture } from "../support/fixtures.ts";

/** Everything the database holds, as an attacker with a copy of it would read it. */
async function rawDatabase(url: string): Promise<string> {
  if (!isPostgresUrl(url)) {
    const target = parseDatabaseUrl(url);
    if (target.provider !== "sqlite") throw new Error("unreachable");
    // Recent writes sit in the write-ahead log until a checkpoint.
    return [target.path, `${target.path}-wal`, `${target.path}-shm`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString("latin1"))
      .join("\n");
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const dumps: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      dumps.push(...rows.map((one) => one.row));
    }
    return dumps.join("\n");
  } finally {
    await client.end();
  }
}

async function webhookSecrets(running: RunningApp, webhookId: string) {
  const answer = await gql(running.url, WebhookSecretsDocument, { id: webhookId }, ACCOUNT_TOKEN);
  const node = answer.data?.node;
  if (node?.__typename !== "Webhook") throw new Error(`no webhook: ${JSON.stringify(answer)}`);
  return node;
}

/** Whether a token reaches its instance. */
async function reaches(running: RunningApp, instance: InstanceFixture, token: string): Promise<boolean> {
  const answer = await gql(running.url, InstanceDocument, { id: instance.id }, token);
  return answer.data?.instance.__typename === "Instance";
}

describe(`secrets at rest on ${databaseKind}`, () => {
  let database: { url: string; drop(): Promise<void> };
  let instance: InstanceFixture;
  let webhook: { id: string; webhookId: string; signingSecret?: string | null };
  const authorization = `Bearer stored-sealed-${randomBytes(8).toString("hex")}`;
  const laterAuthorization = `Basic also-sealed-${randomBytes(8).toString("hex")}`;
  let jwtKey: string;
  let firstSecret: string;
  const plainSecrets = () => [jwtKey, firstSecret, webhook.signingSecret, authorization, laterAuthorization];

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("keeps the JWT key, signing secrets and authorization values out of the database", async () => {
    const running = await startApp({}, database.url);
    try {
      instance = await createInstance(running.url);
      const created = await gql(
        running.url,
        CreateWebhookDocument,
        {
          instanceId: instance.id,
          input: { name: "sealed", url: "https://example.com/hook", authorization },
        },
        ACCOUNT_TOKEN,
      );
      if (created.data?.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(created));
      webhook = created.data.createWebhook;
      firstSecret = webhook.signingSecret as string;
      const rotated = await gql(running.url, RotateWebhookSecretDocument, { id: webhook.id }, ACCOUNT_TOKEN);
      if (rotated.data?.rotateWebhookSecret.__typename !== "Webhook")
        throw new Error(JSON.stringify(rotated));
      webhook.signingSecret = rotated.data.rotateWebhookSecret.signingSecret as string;
      const other = await gql(
        running.url,
        CreateWebhookDocument,
        { instanceId: instance.id, input: { name: "updated", url: "https://example.com/other" } },
        ACCOUNT_TOKEN,
      );
      if (other.data?.createWebhook.__typename !== "Webhook") throw new Error(JSON.stringify(other));
      const updated = await gql(
        running.url,
        UpdateWebhookDocument,
        { id: other.data.createWebhook.id, input: { authorization: laterAuthorization } },
        ACCOUNT_TOKEN,
      );
      expect(updated.data?.updateWebhook).toMatchObject({ __typename: "Webhook", hasAuthorization: true });

      const { prisma, secrets, webhooks } = running.app.services;
      const stored = await prisma.serverSetting.findUniqueOrThrow({ where: { key: "jwtSecret" } });
      jwtKey = secrets.open(stored.value, "ServerSetting.jwtSecret");
      // The opened key is the one that signs instance tokens.
      await jwtVerify(instance.token, new TextEncoder().encode(jwtKey));

      // The secret was shown once; later reads do not show it, and the service opens both.
      expect(webhook.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(await webhookSecrets(running, webhook.id)).toEqual({
        __typename: "Webhook",
        signingSecret: null,
        hasAuthorization: true,
      });
      const row = await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.webhookId } });
      expect(webhooks.signingSecret(row)).toBe(webhook.signingSecret);
      expect(webhooks.authorization(row)).toBe(authorization);

      const whileRunning = await rawDatabase(database.url);
      // The raw read does see the webhook rows, sealed.
      expect(whileRunning).toContain("https://example.com/other");
      expect(whileRunning).toMatch(/enc:v1:[0-9a-f]{8}:/);
      for (const secret of plainSecrets()) expect(whileRunning).not.toContain(secret);
    } finally {
      await running.stop({ keepDatabase: true });
    }
    const afterStop = await rawDatabase(database.url);
    expect(afterStop).toContain("https://example.com/other");
    for (const secret of plainSecrets()) expect(afterStop).not.toContain(secret);
  });

  it("verifies instance tokens and opens the secrets after a restart with the same key", async () => {
    const running = await startApp({}, database.url);
    try {
      expect(await reaches(running, instance, instance.token)).toBe(true);
      const row = await running.app.services.prisma.webhook.findUniqueOrThrow({
        where: { id: webhook.webhookId },
      });
      expect(running.app.services.webhooks.signingSecret(row)).toBe(webhook.signingSecret);
    } finally {
      await running.stop({ keepDatabase: true });
    }
  });

  it("refuses to start with another key, naming both keys", async () => {
    const other = randomBytes(32).toString("base64");
    const attempt = startApp({ SECRETS_KEY: other }, database.url);
    await expect(attempt).rejects.toBeInstanceOf(SecretsKeyError);
    await expect(attempt).rejects.toThrow(
      /^ServerSetting\.jwtSecret was encrypted with secrets key [0-9a-f]{8}, but the key in use \(SECRETS_KEY\) is [0-9a-f]{8}: start with the key the database was written with$/,
    );
  });

  it.skipIf(databaseKind !== "sqlite")("refuses to start when the key file is gone", async () => {
    const target = parseDatabaseUrl(database.url);
    if (target.provider !== "sqlite") throw new Error("unreachable");
    const keyFile = secretsKeyFile(target.path);
    renameSync(keyFile, `${keyFile}.saved`);
    try {
      await expect(startApp({}, database.url)).rejects.toThrow(
        `but the key in use (the key file ${keyFile}, created now) is`,
      );
    } finally {
      rmSync(keyFile, { force: true });
      renameSync(`${keyFile}.saved`, keyFile);
    }
    // With its key back, the database opens again.
    const running = await startApp({}, database.url);
    await running.stop({ keepDatabase: true });
  });

  it("checks every webhook secret at start, not only the JWT key", async () => {
    const setSecret = async (secret?: string) => {
      const db = await createDatabase(database.url);
      try {
        const row = await db.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.webhookId } });
        if (secret) await db.prisma.webhook.update({ where: { id: row.id }, data: { secret } });
        return row.secret;
      } finally {
        await db.close();
      }
    };
    const saved = await setSecret(
      new SecretBox(randomBytes(32), "another key").seal("s3cret", "Webhook.secret"),
    );
    try {
      await expect(startApp({}, database.url)).rejects.toThrow(
        /^Webhook\.secret was encrypted with secrets key/,
      );
    } finally {
      await setSecret(saved);
    }
  });
});

describe(`plain-text secrets of an older database on ${databaseKind}`, () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("are still read, then stored sealed", async () => {
    const first = await startApp({}, database.url);
    const instance = await createInstance(first.url);
    await first.stop({ keepDatabase: true });

    // What a version that stored secrets in plain text left behind.
    const legacy = {
      jwtKey: randomBytes(32).toString("base64url"),
      secret: randomBytes(32).toString("base64url"),
      authorization: `Bearer legacy-${randomBytes(8).toString("hex")}`,
    };
    const db = await createDatabase(database.url);
    const auth = await db.prisma.auth.findUniqueOrThrow({ where: { instanceId: instance.uuid } });
    await db.prisma.serverSetting.update({ where: { key: "jwtSecret" }, data: { value: legacy.jwtKey } });
    const webhook = await db.prisma.webhook.create({
      data: {
        instanceId: instance.uuid,
        name: "legacy",
        url: "https://example.com/legacy",
        secret: legacy.secret,
        authorization: legacy.authorization,
        events: { create: {} },
      },
    });
    // Enough rows to share pages, where freed bytes could outlive their row.
    const others = Array.from({ length: 30 }, (_, index) => ({
      name: `legacy-${index}`,
      secret: `plain-secret-${index}-${randomBytes(16).toString("hex")}`,
    }));
    for (const other of others) {
      await db.prisma.webhook.create({
        data: {
          instanceId: instance.uuid,
          url: "https://example.com/legacy",
          ...other,
          events: { create: {} },
        },
      });
    }
    await db.close();
    const legacyToken = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(instance.uuid)
      .setJti(auth.tokenId)
      .setIssuedAt(auth.issuedAt)
      .sign(new TextEncoder().encode(legacy.jwtKey));

    const running = await startApp({}, database.url);
    try {
      expect(await reaches(running, instance, legacyToken)).toBe(true);
      const listed = await gql(running.url, InstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
      if (listed.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(listed));
      const [listedWebhook] = listed.data.instance.webhooks;
      expect(await webhookSecrets(running, listedWebhook.id)).toMatchObject({ hasAuthorization: true });
      const { prisma, webhooks } = running.app.services;
      const row = await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
      expect(webhooks.signingSecret(row)).toBe(legacy.secret);
      expect(webhooks.authorization(row)).toBe(legacy.authorization);
      // Sealing is storage, not a change of the webhook.
      expect(row.updatedAt).toEqual(webhook.updatedAt);
      expect(row.secret).toMatch(/^enc:v1:/);
      expect(row.authorization).toMatch(/^enc:v1:/);
    } finally {
      await running.stop({ keepDatabase: true });
    }
    const raw = await rawDatabase(database.url);
    expect(raw).toContain("https://example.com/legacy");
    for (const secret of Object.values(legacy)) expect(raw).not.toContain(secret);
    for (const { secret } of others) expect(raw).not.toContain(secret);
  });
});

describe("SecretBox", () => {
  const box = new SecretBox(randomBytes(32), "a test key");

  it("seals with AES-256-GCM in a versioned format, a fresh IV each time", () => {
    const sealed = box.seal("s3cret", "Webhook.secret");
    expect(sealed).toMatch(new RegExp(`^enc:v1:${box.keyId}:[A-Za-z0-9_-]+$`));
    expect(box.seal("s3cret", "Webhook.secret")).not.toBe(sealed);
    expect(box.open(sealed, "Webhook.secret")).toBe("s3cret");
    expect(box.open(box.seal("", "Webhook.secret"), "Webhook.secret")).toBe("");
  });

  it("refuses a value altered in any byte", () => {
    const sealed = box.seal("s3cret", "Webhook.secret");
    const blob = Buffer.from(sealed.split(":")[3], "base64url");
    for (const index of [0, 12, blob.length - 1]) {
      const altered = Buffer.from(blob);
      altered[index] ^= 1;
      const stored = `enc:v1:${box.keyId}:${altered.toString("base64url")}`;
      expect(() => box.open(stored, "Webhook.secret")).toThrow(
        "Webhook.secret is damaged or was altered: it does not authenticate",
      );
    }
  });

  it("refuses a value moved to another place", () => {
    const sealed = box.seal("s3cret", "Webhook.secret");
    expect(() => box.open(sealed, "Webhook.authorization")).toThrow(SecretsKeyError);
  });

  it("names the key a value needs and the key in use", () => {
    const other = new SecretBox(randomBytes(32), "another key");
    expect(() => other.open(box.seal("s3cret", "Webhook.secret"), "Webhook.secret")).toThrow(
      `Webhook.secret was encrypted with secrets key ${box.keyId}, but the key in use (another key) is ${other.keyId}`,
    );
  });

  it("refuses a format it does not know, and returns a value stored plain as it is", () => {
    expect(() => box.open("enc:v2:0011aabb:AAAA", "Webhook.secret")).toThrow(
      /format this version does not know/,
    );
    expect(box.open("plain-from-an-older-version", "Webhook.secret")).toBe("plain-from-an-older-version");
  });

  it("derives the same key from every encoding of SECRETS_KEY", () => {
    const key = randomBytes(32);
    const decoded = [key.toString("hex"), key.toString("base64"), key.toString("base64url")].map(
      decodeSecretsKey,
    );
    for (const one of decoded) expect(one).toEqual(key);
  });
});
