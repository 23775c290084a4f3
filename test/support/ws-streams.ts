// Clients of the RyzeAPI event streams (/ws/:instance, /ws), spoken with the `ws` library.
import WebSocket from "ws";
import type { EventBus } from "../../src/events/bus.ts";

export interface Frame {
  event: string;
  type: string;
  id: string;
  timestamp: string;
  data: any;
  instanceData: { instance: string; instanceId: string; baseUrl?: string };
}

export interface Stream {
  ws: WebSocket;
  frames: Frame[];
  /** Resolves with the close code and reason, once the client has read the close frame. */
  closed: Promise<{ code: number; reason: string }>;
  /** Waits until `count` frames matched (default: any frame). */
  until(count: number, match?: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame[]>;
}

/** Opens a stream; rejects with the HTTP answer when the upgrade is refused. */
export function openStream(
  running: { wsUrl: string },
  path: string,
  options: { token?: string; query?: boolean } = {},
): Promise<Stream> {
  const { token, query } = options;
  const url = `${running.wsUrl}${path}${token && query ? `?token=${encodeURIComponent(token)}` : ""}`;
  const ws = new WebSocket(url, { headers: token && !query ? { token } : {} });
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data) => {
    frames.push(JSON.parse(String(data)));
    for (const waiter of waiters) waiter();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const until: Stream["until"] = (count, match = () => true, timeoutMs = 15_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const matched = frames.filter(match);
        if (matched.length < count) return false;
        clearTimeout(timer);
        waiters.delete(check as () => void);
        resolve(matched);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check as () => void);
        reject(
          new Error(`timed out waiting for ${count} frames; got ${JSON.stringify(frames).slice(0, 2000)}`),
        );
      }, timeoutMs);
      if (!check()) waiters.add(check as () => void);
    });
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve({ ws, frames, closed, until }));
    ws.once("unexpected-response", (_request, response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk;
      });
      response.on("end", () => {
        const refused = new Error(`upgrade refused with ${response.statusCode}`) as Error & Refusal;
        refused.status = response.statusCode ?? 0;
        refused.body = JSON.parse(body);
        reject(refused);
      });
    });
    ws.once("error", reject);
  });
}

export interface Refusal {
  status: number;
  body: unknown;
}

/** The HTTP answer of an upgrade that must be refused; fails if a WebSocket opens. */
export async function refusedUpgrade(
  running: { wsUrl: string },
  path: string,
  options: { token?: string; query?: boolean } = {},
): Promise<Refusal> {
  try {
    const stream = await openStream(running, path, options);
    stream.ws.terminate();
  } catch (error) {
    const { status, body } = error as Partial<Refusal>;
    if (status === undefined) throw error;
    return { status, body };
  }
  throw new Error(`${path} opened a WebSocket`);
}

/** Publishes like the engine does: slices of 64 events, letting the event loop run between. */
export async function publishMany(
  running: { app: { services: { bus: EventBus } } },
  instance: { uuid: string; name: string },
  count: number,
  type: "messagesUpsert" | "presenceUpdate" = "messagesUpsert",
  padding = "",
): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    running.app.services.bus.publish({
      instanceId: instance.uuid,
      instanceName: instance.name,
      type,
      data: { index, padding },
    });
    if (index % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
}
