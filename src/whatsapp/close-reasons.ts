import { DisconnectReason } from "@whiskeysockets/baileys";

/** What the engine does when a socket closes. */
export type CloseAction =
  /** WhatsApp asked for a restart (after pairing): reconnect at once with the saved creds. */
  | "reconnect-now"
  /** A transient network close: reconnect with exponential backoff and jitter. */
  | "reconnect-backoff"
  /** The device is no longer linked: stop, clear the creds, connection `close`, never loop. */
  | "logged-out"
  /** Another client took the session over: stop and report, keep the creds. */
  | "replaced"
  /** The QR codes ran out without a scan: stop and report `refused`. */
  | "refused";

export interface CloseRow {
  statusCode: number | undefined;
  message?: RegExp;
  action: CloseAction;
  why: string;
}

/** Read top to bottom; the first matching row decides. */
export const CLOSE_TABLE: CloseRow[] = [
  { statusCode: DisconnectReason.restartRequired, action: "reconnect-now", why: "restart required (515)" },
  { statusCode: DisconnectReason.loggedOut, action: "logged-out", why: "logged out from the phone (401)" },
  { statusCode: DisconnectReason.badSession, action: "logged-out", why: "bad session (500)" },
  { statusCode: DisconnectReason.forbidden, action: "logged-out", why: "account forbidden (403)" },
  {
    statusCode: DisconnectReason.multideviceMismatch,
    action: "logged-out",
    why: "multi-device mismatch (411)",
  },
  {
    statusCode: DisconnectReason.connectionReplaced,
    action: "replaced",
    why: "replaced by another client (440)",
  },
  {
    // Not WhatsApp, or not proven to be: never linked to, never a reason to drop the creds.
    statusCode: 400,
    message: /certificat/i,
    action: "reconnect-backoff",
    why: "the server's certificate chain did not verify (400)",
  },
  {
    statusCode: DisconnectReason.timedOut,
    message: /QR refs/i,
    action: "refused",
    why: "QR codes exhausted (408)",
  },
];

export function classifyClose(
  statusCode: number | undefined,
  message = "",
): { action: CloseAction; why: string } {
  const row = CLOSE_TABLE.find(
    (candidate) =>
      candidate.statusCode === statusCode && (!candidate.message || candidate.message.test(message)),
  );
  return (
    row ?? { action: "reconnect-backoff", why: `transient close (${statusCode ?? "network"}: ${message})` }
  );
}

/** Full-jitter exponential backoff, capped. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
