import type { PrismaClient } from "../../db/client.ts";
import { type EventFlags, flagsOf } from "../../events/types.ts";
import type { Socket } from "../../generated/sqlite/client.ts";

/** What the /ws hub needs of an instance's socket configuration, per event. */
export interface LiveSocketConfig {
  enabled: boolean;
  flags: EventFlags;
  mediaBase64: boolean;
}

type Change = (instanceId: string, config: LiveSocketConfig | null, fromCluster: boolean) => void;

/**
 * The socket configurations of the instances that have /ws clients, in memory: each is read
 * from the database once, when its first client connects, and kept current by SocketService,
 * so delivering an event never reads the database. A change made through another node is not
 * seen here (one process holds both the configuration and the connections today).
 */
export class SocketConfigs {
  /** null: the instance has no configuration; absent: not loaded yet (or forgotten). */
  private readonly loaded = new Map<string, LiveSocketConfig | null>();
  private readonly listeners = new Set<Change>();

  constructor(private readonly prisma: PrismaClient) {}

  /** The configuration, read from the database the first time only. */
  async load(instanceId: string): Promise<LiveSocketConfig | null> {
    const known = this.loaded.get(instanceId);
    if (known !== undefined) return known;
    const row = await this.prisma.socket.findUnique({ where: { instanceId } });
    // A change stored while the row was being read is newer than the row.
    if (!this.loaded.has(instanceId)) this.loaded.set(instanceId, row ? live(row) : null);
    return this.loaded.get(instanceId) ?? null;
  }

  /** The loaded configuration, without waiting: undefined when it was never loaded. */
  peek(instanceId: string): LiveSocketConfig | null | undefined {
    return this.loaded.get(instanceId);
  }

  /** Called with every stored change (null: the configuration was deleted); `fromCluster`: on another node. */
  store(instanceId: string, row: Socket | null, fromCluster = false): void {
    const config = row ? live(row) : null;
    this.loaded.set(instanceId, config);
    for (const listener of this.listeners) listener(instanceId, config, fromCluster);
  }

  /** The instance is gone: nothing of it is kept. */
  forget(instanceId: string): void {
    this.loaded.delete(instanceId);
  }

  onChange(listener: Change): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function live(row: Socket): LiveSocketConfig {
  return { enabled: row.enabled, flags: flagsOf(row), mediaBase64: row.mediaBase64 };
}
