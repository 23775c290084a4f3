// Webhooks to loopback receivers, for the delivery tests.
import { afterEach } from "vitest";
import { CreateWebhookDocument, type CreateWebhookInput } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN } from "./app.ts";
import { gql } from "./clients.ts";
import { type InstanceFixture, uniqueName } from "./fixtures.ts";
import { type Receiver, startReceiver } from "./receiver.ts";

/** Receivers started in a test, closed after it. Call at the top of a test file. */
export function receiversClosedAfterEach(): () => Promise<Receiver> {
  const started: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((receiver) => receiver.close()));
  });
  return async () => {
    const receiver = await startReceiver();
    started.push(receiver);
    return receiver;
  };
}

/** An enabled webhook (unless the input says otherwise), with its signing secret. */
export async function createHook(
  base: string,
  instance: InstanceFixture,
  url: string,
  input: Partial<CreateWebhookInput> = {},
) {
  const result = await gql(
    base,
    CreateWebhookDocument,
    { instanceId: instance.id, input: { name: uniqueName("hook"), url, enabled: true, ...input } },
    ACCOUNT_TOKEN,
  );
  const created = result.data?.createWebhook;
  if (created?.__typename !== "Webhook") throw new Error(JSON.stringify(result));
  return { ...created, secret: created.signingSecret as string };
}

/** Request bodies, parsed. */
export const bodies = (hits: { body: string }[]) => hits.map((hit) => JSON.parse(hit.body));
