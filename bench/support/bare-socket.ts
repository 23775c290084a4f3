import makeWASocket, {
  type AuthenticationState,
  Browsers,
  DEFAULT_CONNECTION_CONFIG,
  type WASocket,
} from "@whiskeysockets/baileys";
import pino from "pino";
import { trustTestRootKey } from "../../test/support/simulator/certificates.ts";

const logger = pino({ level: "silent" });

// Plain Baileys in this process takes the simulator's test root for WhatsApp's.
trustTestRootKey();

/**
 * Baileys' default connect timeout (20 s), which also times every frame the socket sends.
 * The gateway runs without it and times the connect itself (src/whatsapp/session.ts);
 * BENCH_BARE_CONNECT_TIMEOUT_MS=0 gives bare Baileys the same setting.
 */
const CONNECT_TIMEOUT_MS = Number(process.env.BENCH_BARE_CONNECT_TIMEOUT_MS ?? "20000");

/**
 * The gateway's socket options (src/whatsapp/session.ts) with its defaults, except the
 * connect timeout above.
 */
export function bareSocket(auth: AuthenticationState, url: string): WASocket {
  return makeWASocket({
    auth,
    version: DEFAULT_CONNECTION_CONFIG.version,
    browser: Browsers.ubuntu("wagraph"),
    logger,
    printQRInTerminal: false,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    defaultQueryTimeoutMs: 60_000,
    keepAliveIntervalMs: 30_000,
    markOnlineOnConnect: false,
    syncFullHistory: true,
    waWebSocketUrl: url,
  });
}

async function scan(control: string, phone: string, qr: string): Promise<void> {
  const response = await fetch(`${control}/scan`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, qr, pushName: `Bench ${phone}` }),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`scan: ${response.status} ${await response.text()}`);
}

/**
 * Opens a socket and follows it until `open`: the simulated phone scans the first QR when
 * the auth state has no device yet (through the simulator's control API), and a 515
 * (restart required, after pairing) reconnects at once, as the gateway does. Gives up
 * (and ends the socket) after timeoutMs.
 */
export function openBare(
  auth: AuthenticationState,
  target: { url: string; control: string; phone: string },
  timeoutMs: number,
): Promise<WASocket> {
  return new Promise((resolve, reject) => {
    let current: WASocket | undefined;
    const fail = (error: Error) => {
      clearTimeout(timer);
      current?.end(undefined);
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`not open within ${timeoutMs} ms`)), timeoutMs);
    const start = () => {
      const sock = bareSocket(auth, target.url);
      current = sock;
      let scanned = false;
      sock.ev.on("connection.update", (update) => {
        if (update.qr && !scanned) {
          scanned = true;
          scan(target.control, target.phone, update.qr).catch((error: Error) => fail(error));
        }
        if (update.connection === "open") {
          clearTimeout(timer);
          resolve(sock);
        }
        if (update.connection === "close" && current === sock) {
          const error = update.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined;
          const code = error?.output?.statusCode;
          if (code === 515) start();
          else fail(new Error(`closed with ${code}`));
        }
      });
    };
    start();
  });
}
