import { afterAll, beforeAll } from "vitest";
import { CreateInstanceDocument, CreateWebhookDocument, SetSocketDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "./app.ts";
import { gql } from "./clients.ts";

export interface InstanceFixture {
  /** Relay global id. */
  id: string;
  /** Raw UUID, as the REST families use it. */
  uuid: string;
  name: string;
  token: string;
}

let counter = 0;
export function uniqueName(prefix = "inst"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}

/** The app with one instance, started before a file's tests and stopped after them. */
export function appWithInstance(): { running: RunningApp; instance: InstanceFixture } {
  const fixture = {} as { running: RunningApp; instance: InstanceFixture };
  beforeAll(async () => {
    fixture.running = await startApp();
    fixture.instance = await createInstance(fixture.running.url);
  });
  afterAll(async () => {
    await fixture.running?.stop();
  });
  return fixture;
}

export async function createInstance(url: string, name = uniqueName()): Promise<InstanceFixture> {
  const result = await gql(url, CreateInstanceDocument, { input: { name } }, ACCOUNT_TOKEN);
  const created = result.data?.createInstance;
  if (created?.__typename !== "InstanceWithToken") {
    throw new Error(`createInstance failed: ${JSON.stringify(result)}`);
  }
  return { id: created.instance.id, uuid: created.instance.instanceId, name, token: created.token };
}

export async function createWebhook(
  url: string,
  instance: InstanceFixture,
  name = "main",
  options: { enabled?: boolean } = {},
) {
  const result = await gql(
    url,
    CreateWebhookDocument,
    {
      instanceId: instance.id,
      input: { name, url: "https://example.com/hook", enabled: options.enabled ?? true },
    },
    ACCOUNT_TOKEN,
  );
  const created = result.data?.createWebhook;
  if (created?.__typename !== "Webhook") throw new Error(`createWebhook failed: ${JSON.stringify(result)}`);
  return created;
}

/** Uses the instance's own token: socket changes are limited per token (100/min). */
export async function setSocket(url: string, instance: InstanceFixture) {
  const input = { instanceId: instance.id, input: { enabled: true } };
  const result = await gql(url, SetSocketDocument, input, instance.token);
  const socket = result.data?.setSocket;
  if (socket?.__typename !== "Socket") throw new Error(`setSocket failed: ${JSON.stringify(result)}`);
  return socket;
}
