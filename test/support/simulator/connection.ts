import { type BinaryNode, decodeBinaryNode, encodeBinaryNode, type proto } from "@whiskeysockets/baileys";
import type { WebSocket } from "ws";
import type { KeyPair } from "./certificates.ts";
import type { StanzaSink } from "./directory.ts";
import { encodeFrame, FrameReader, NoiseResponder, type NoiseTransport } from "./noise.ts";
import { newServerTag } from "./stanzas.ts";

export type ConnectionHandlers = {
  /** Handshake done; the ClientPayload says whether this is a registration or a login. */
  onHello(conn: Connection, payload: proto.ClientPayload, clientStatic: Buffer): void;
  /** One decoded stanza, in arrival order; the next waits until this one settles. */
  onNode(conn: Connection, node: BinaryNode): Promise<void> | void;
  onClose(conn: Connection): void;
  log(msg: string, err?: unknown): void;
};

type PendingQuery = {
  resolve: (node: BinaryNode) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
};

// Stop reading from a client while this many decoded stanzas wait to be handled.
const MAX_PENDING_STANZAS = 256;

/** One client WebSocket: Noise handshake, framing, transport crypto, iq bookkeeping. */
export class Connection implements StanzaSink {
  private readonly reader = new FrameReader();
  private handshake?: NoiseResponder;
  private transport?: NoiseTransport;
  private sentServerHello = false;
  private tail: Promise<void> = Promise.resolve();
  private pendingStanzas = 0;
  private paused = false;
  private readonly queries = new Map<string, PendingQuery>();
  private readonly timers = new Set<NodeJS.Timeout>();
  closed = false;
  /** Free-form slot for the protocol layer (registration or login state). */
  state: unknown;

  constructor(
    private readonly ws: WebSocket,
    staticKey: KeyPair,
    certChain: Uint8Array,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.handshake = new NoiseResponder(staticKey, certChain);
    ws.on("message", (data, isBinary) => {
      if (!isBinary) return this.abort("text frame");
      try {
        this.reader.push(toBuffer(data), (frame) => this.onFrame(frame));
      } catch (err) {
        this.abort("bad frame", err);
      }
    });
    ws.on("close", () => this.cleanup());
    ws.on("error", () => this.cleanup());
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  private onFrame(frame: Buffer): void {
    if (this.closed) return;
    if (this.transport) {
      // Decrypt in arrival order (counters); decode and handle on the serial queue.
      const plain = this.transport.decrypt(frame);
      this.enqueue(async () => {
        const node = await decodeBinaryNode(plain);
        if (this.closed) return;
        if (node.tag === "iq" && (node.attrs.type === "result" || node.attrs.type === "error")) {
          if (this.settleQuery(node)) return;
        }
        await this.handlers.onNode(this, node);
      });
      return;
    }
    const hs = this.handshake;
    if (!hs) return;
    if (!this.sentServerHello) {
      this.sentServerHello = true;
      this.ws.send(encodeFrame(hs.serverHello(frame)));
      return;
    }
    const { clientStatic, payload, transport } = hs.finish(frame);
    this.transport = transport;
    this.handshake = undefined;
    this.handlers.onHello(this, payload, clientStatic);
  }

  private enqueue(task: () => Promise<void>): void {
    this.pendingStanzas++;
    if (this.pendingStanzas > MAX_PENDING_STANZAS && !this.paused) {
      this.paused = true;
      this.ws.pause();
    }
    this.tail = this.tail
      .then(task)
      .catch((err) => this.handlers.log("stanza handler failed", err))
      .finally(() => {
        this.pendingStanzas--;
        if (this.paused && this.pendingStanzas < MAX_PENDING_STANZAS / 2) {
          this.paused = false;
          this.ws.resume();
        }
      });
  }

  send(node: BinaryNode): void {
    if (this.closed || !this.transport) return;
    this.ws.send(encodeFrame(this.transport.encrypt(encodeBinaryNode(node))));
  }

  /** Server-originated iq; resolves with the client's result. */
  query(node: BinaryNode, timeoutMs = 10_000): Promise<BinaryNode> {
    const id = node.attrs.id ?? newServerTag();
    node.attrs.id = id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.queries.delete(id);
        reject(new Error(`client did not answer iq ${id}`));
      }, timeoutMs);
      this.queries.set(id, { resolve, reject, timer });
      this.send(node);
    });
  }

  private settleQuery(node: BinaryNode): boolean {
    const pending = this.queries.get(node.attrs.id);
    if (!pending) return false;
    this.queries.delete(node.attrs.id);
    clearTimeout(pending.timer);
    pending.resolve(node);
    return true;
  }

  /** Timer that dies with the connection. */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Sends a last stanza (stream error, failure) and closes shortly after, as WhatsApp does. */
  end(last?: BinaryNode): void {
    if (this.closed) return;
    if (last) this.send(last);
    this.cleanup();
    // The client normally closes first when it reads the stanza; then make sure it is gone.
    setTimeout(() => this.ws.close(), 200).unref();
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }

  /** Drops the TCP connection without a goodbye, like a network failure. */
  drop(): void {
    this.cleanup();
    this.ws.terminate();
  }

  private abort(reason: string, err?: unknown): void {
    this.handlers.log(`closing connection: ${reason}`, err);
    this.drop();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const q of this.queries.values()) {
      clearTimeout(q.timer);
      q.reject(new Error("connection closed"));
    }
    this.queries.clear();
    this.handshake = undefined;
    this.handlers.onClose(this);
  }
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  return Buffer.from(data as ArrayBuffer);
}
