import type { GatewayEvent } from "../../src/events/types.ts";
import { ConnectInstanceDocument, InstanceDocument } from "../generated/graphql.ts";
import { ACCOUNT_TOKEN, type RunningApp, startApp } from "./app.ts";
import { gql } from "./clients.ts";
import type { InstanceFixture } from "./fixtures.ts";
import { TEST_ROOT_KEY, WhatsAppSimulator } from "./simulator/index.ts";

export { WhatsAppSimulator };

/** The gateway setting that trusts the simulator's certificate root instead of WhatsApp's. */
export const TEST_ROOT_SETTING = { WA_ROOT_PUBLIC_KEY: Buffer.from(TEST_ROOT_KEY.public).toString("base64") };

/** Engine settings for tests: the simulator's URL and root, and quick reconnects. */
export function engineEnv(
  sim: WhatsAppSimulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    WA_WS_URL: sim.url,
    ...TEST_ROOT_SETTING,
    WA_RECONNECT_BASE_MS: "50",
    WA_RECONNECT_MAX_MS: "400",
    WA_QUERY_TIMEOUT_MS: "10000",
    ...extra,
  };
}

export function startGateway(sim: WhatsAppSimulator, extra?: Record<string, string>, databaseUrl?: string) {
  // Baileys uploads media over HTTPS from this process to the simulator's media host.
  sim.media.trustInThisProcess();
  return startApp(engineEnv(sim, extra), databaseUrl);
}

/** Waits for the first bus event matching a predicate (events already seen are not replayed). */
export function nextEvent(
  running: RunningApp,
  predicate: (event: GatewayEvent) => boolean,
  timeoutMs = 15_000,
): Promise<GatewayEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = running.app.services.bus.on((event) => {
      if (!predicate(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

/** Polls until a condition holds. */
export async function until<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  while (true) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function instanceState(running: RunningApp, instance: InstanceFixture) {
  const result = await gql(running.url, InstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
  if (result.data?.instance.__typename !== "Instance") throw new Error(JSON.stringify(result));
  return result.data.instance;
}

/** Connects an instance, scans its first QR with a simulated phone, and waits for `open`. */
export async function linkInstance(
  running: RunningApp,
  sim: WhatsAppSimulator,
  instance: InstanceFixture,
  phoneNumber: string,
  pushName = "Test Phone",
) {
  const qr = nextEvent(
    running,
    (event) => event.instanceId === instance.uuid && event.type === "qrcodeUpdate",
  );
  const connected = await gql(running.url, ConnectInstanceDocument, { id: instance.id }, ACCOUNT_TOKEN);
  if (connected.data?.connectInstance.__typename !== "Instance") throw new Error(JSON.stringify(connected));
  const { data } = await qr;
  await sim.phone(phoneNumber, pushName).scan((data as { qr: string }).qr);
  return until(
    () => instanceState(running, instance),
    (state) => state.connection === "open",
  );
}

/**
 * The bus's listener count once it holds still: a client that went away has its stream
 * removed a moment later, which would otherwise be taken for a new subscription's arrival.
 */
export async function quietListenerCount(running: RunningApp): Promise<number> {
  let last = -1;
  while (true) {
    const now = running.app.services.bus.listenerCount();
    if (now === last) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
