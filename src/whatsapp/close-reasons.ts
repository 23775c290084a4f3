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
  /** A short fixed name for metrics: `why` may hold the server's message. */
  reason: string;
}

/** Read top to bottom; the first matching row decides. */
export const CLOSE_TABLE: CloseRow[] = [
  {
    statusCode: DisconnectReason.restartRequired,
    action: "reconnect-now",
    why: "restart required (515)",
    reason: "restart_required",
  },
  {
    statusCode: DisconnectReason.loggedOut,
    action: "logged-out",
    why: "logged out from the phone (401)",
    reason: "logged_out",
  },
  {
    statusCode: DisconnectReason.badSession,
    action: "logged-out",
    why: "bad session (500)",
    reason: "bad_session",
  },
  {
    statusCode: DisconnectReason.forbidden,
    action: "logged-out",
    why: "account forbidden (403)",
    reason: "forbidden",
  },
  {
    statusCode: DisconnectReason.multideviceMismatch,
    action: "logged-out",
    why: "multi-device mismatch (411)",
    reason: "multidevice_mismatch",
  },
  {
    statusCode: DisconnectReason.connectionReplaced,
    action: "replaced",
    why: "replaced by another client (440)",
    reason: "replaced",
  },
  {
    // Not WhatsApp, or not proven to be: never linked to, never a reason to drop the creds.
    statusCode: 400,
    message: /certificat/i,
    action: "reconnect-backoff",
    why: "the server's certificate chain did not verify (400)",
    reason: "certificate",
  },
  {
    statusCode: DisconnectReason.timedOut,
    message: /QR refs/i,
    action: "refused",
    why: "QR codes exhausted (408)",
    reason: "qr_exhausted",
  },
];

/** Transient closes by status code; any other code is "other", none at all "network". */
const TRANSIENT_REASONS: Record<number, string> = {
  [DisconnectReason.connectionClosed]: "connection_closed",
  [DisconnectReason.timedOut]: "timed_out",
  [DisconnectReason.unavailableService]: "unavailable_service",
};

export function classifyClose(
  statusCode: number | undefined,
  message = "",
): { action: CloseAction; why: string; reason: string } {
  const row = CLOSE_TABLE.find(
    (candidate) =>
      candidate.statusCode === statusCode && (!candidate.message || candidate.message.test(message)),
  );
  return (
    row ?? {
      action: "reconnect-backoff",
      why: `transient close (${statusCode ?? "network"}: ${message})`,
      reason: statusCode === undefined ? "network" : (TRANSIENT_REASONS[statusCode] ?? "other"),
    }
  );
}

/** Full-jitter exponential backoff, capped. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
