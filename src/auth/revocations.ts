import type { Caller } from "./access.ts";

/** `fromCluster`: another node revoked it (and told the others already). */
type Listener = (instanceId: string, fromCluster: boolean) => void;

/**
 * Revoking a token ends what it opened. An instance has one token at a time, so rotating it
 * revokes every live stream and connection opened with an instance token of that instance;
 * the places that hold them (the event bus, the WebSocket servers) listen here.
 */
export class TokenRevocations {
  private readonly listeners = new Set<Listener>();

  onRevoke(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once the instance's new token is stored: everything opened with the old one ends now. */
  revokeInstanceToken(instanceId: string, fromCluster = false): void {
    for (const listener of this.listeners) listener(instanceId, fromCluster);
  }
}

/** Whether something opened by `caller` depends on the instance token of `instanceId`. */
export function openedWithInstanceToken(caller: Caller, instanceId: string): boolean {
  return caller?.kind === "instance" && caller.instanceId === instanceId;
}

export class TokenRevokedError extends Error {
  constructor() {
    super("The token that opened this subscription was revoked");
  }
}
