/**
 * Bounds the requests in flight to one receiver host across all its webhooks, so many
 * webhooks pointing at one server cannot flood it (or tie up the gateway's sockets).
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly perHost: number) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.hosts.set(host, slot);
    }
    if (slot.active >= this.perHost) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    else slot.active += 1;
    try {
      return await work();
    } finally {
      const next = slot.waiting.shift();
      if (next) next();
      else {
        slot.active -= 1;
        if (slot.active === 0) this.hosts.delete(host);
      }
    }
  }
}
