import type { Socket } from "node:net";
import type { WebSocket } from "ws";

/** Above this many bytes waiting on a socket, a send waits for its write again. */
export const MAX_UNWRITTEN_BYTES = 1 << 20;

type SendCallback = (error?: Error) => void;

/**
 * Frames sent to one WebSocket within a turn of the event loop leave in one write. A burst
 * of events is one frame each, and one system call per frame was the largest cost of
 * delivering them. graphql-ws waits for each send's callback before the next event, so the
 * callback comes as soon as the frame is queued, not when it is written; once a slow client
 * has a megabyte unwritten, sends wait for the socket again, and the subscription's own
 * bounded buffer then drops the client as before.
 */
export function coalesceSends(ws: WebSocket): void {
  const raw = (ws as unknown as { _socket?: Socket })._socket;
  if (!raw) return;
  const send = ws.send.bind(ws) as (data: unknown, options: object, callback: SendCallback) => void;
  let corked = false;
  ws.send = ((data: unknown, optionsOrCallback?: object | SendCallback, maybeCallback?: SendCallback) => {
    const callback =
      typeof optionsOrCallback === "function" ? (optionsOrCallback as SendCallback) : maybeCallback;
    const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
    if (ws.readyState !== ws.OPEN || ws.bufferedAmount > MAX_UNWRITTEN_BYTES) {
      send(data, options, callback ?? noop);
      return;
    }
    if (!corked) {
      corked = true;
      raw.cork();
      setImmediate(() => {
        corked = false;
        raw.uncork();
      });
    }
    // A failed write closes the socket, which ends its subscriptions; nobody else waits for it.
    send(data, options, noop);
    if (callback) queueMicrotask(() => callback());
  }) as WebSocket["send"];
}

const noop = () => undefined;
