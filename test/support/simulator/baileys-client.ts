import makeWASocket, {
  type BaileysEventMap,
  DEFAULT_CONNECTION_CONFIG,
  type SocketConfig,
  useMultiFileAuthState,
  type WASocket,
} from "@whiskeysockets/baileys";
import pino from "pino";
import { trustTestRootKey } from "./certificates.ts";

type EventName = keyof BaileysEventMap;
type Recorded = { event: EventName; data: unknown; at: number };
type Waiter = { event: EventName; match: (data: unknown) => boolean; resolve: (data: unknown) => void };

export type CloseInfo = { statusCode?: number; message?: string };

/** A real Baileys socket pointed at the simulator, with its events recorded for assertions. */
export type BaileysHandle = {
  sock: WASocket;
  /** Resolves with the close reason once the socket closed. */
  closed: Promise<CloseInfo>;
  /** Every event since connect (last 5,000), oldest first. */
  history: readonly Recorded[];
  /** First event of that name (already recorded or still to come) matching the predicate. */
  waitFor<K extends EventName>(
    event: K,
    match?: (data: BaileysEventMap[K]) => boolean,
    timeoutMs?: number,
  ): Promise<BaileysEventMap[K]>;
  /** Waits until all creds updates were written to the auth folder. */
  flushCreds(): Promise<void>;
  end(): void;
};

const HISTORY_CAP = 5000;

/**
 * Connects real, unmodified Baileys to the simulator with a multi-file auth state in
 * `authDir` (fresh dir: QR pairing; dir with creds: login).
 */
export async function connectBaileys(options: {
  url: string;
  authDir: string;
  config?: Partial<SocketConfig>;
}): Promise<BaileysHandle> {
  trustTestRootKey();
  const { state, saveCreds } = await useMultiFileAuthState(options.authDir);
  let saving: Promise<void> = Promise.resolve();
  const sock = makeWASocket({
    auth: state,
    waWebSocketUrl: options.url,
    // Never ask the internet for a version in tests.
    version: DEFAULT_CONNECTION_CONFIG.version,
    logger: pino({ level: "silent" }),
    markOnlineOnConnect: false,
    connectTimeoutMs: 10_000,
    ...options.config,
  });
  const history: Recorded[] = [];
  const waiters = new Set<Waiter>();
  let resolveClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => {
    resolveClosed = resolve;
  });

  const record = (event: EventName, data: unknown) => {
    history.push({ event, data, at: Date.now() });
    if (history.length > HISTORY_CAP) history.splice(0, history.length - HISTORY_CAP);
    for (const w of waiters) {
      if (w.event === event && w.match(data)) {
        waiters.delete(w);
        w.resolve(data);
      }
    }
  };

  sock.ev.process((events) => {
    if (events["creds.update"]) saving = saving.then(saveCreds).catch(() => {});
    for (const [event, data] of Object.entries(events)) record(event as EventName, data);
    const update = events["connection.update"];
    if (update?.connection === "close") {
      const error = update.lastDisconnect?.error as
        | { output?: { statusCode?: number }; message?: string }
        | undefined;
      resolveClosed({ statusCode: error?.output?.statusCode, message: error?.message });
    }
  });

  return {
    sock,
    closed,
    history,
    waitFor(event, match = () => true, timeoutMs = 10_000) {
      const test = match as (data: unknown) => boolean;
      const seen = history.find((h) => h.event === event && test(h.data));
      if (seen) return Promise.resolve(seen.data as never);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          event,
          match: test,
          resolve: (data) => {
            clearTimeout(timer);
            resolve(data as never);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    flushCreds: async () => {
      // A creds.update can chain another; wait until the queue is quiet.
      let current: Promise<void>;
      do {
        current = saving;
        await current;
      } while (current !== saving);
    },
    end: () => sock.end(undefined),
  };
}
