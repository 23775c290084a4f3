import { sleep } from "./pool.ts";
import { graphql } from "./seed.ts";
import type { SimulatorProcess } from "./simulator.ts";

interface InstanceNode {
  id: string;
  connection: string;
  qrcode: { code: string } | null;
}

const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Instance { id connection qrcode { code } } } }`;
const CREATE = `mutation ($input: CreateInstanceInput!) {
  createInstance(input: $input) { __typename ... on InstanceWithToken { instance { id } } ... on Error { message } }
}`;
const CONNECT = `mutation ($id: ID!) { connectInstance(id: $id) { __typename ... on Error { message } } }`;
const COUNT_OPEN = "{ instances(filter: { connection: open }) { totalCount } }";

/** Instances through createInstance, a few requests at a time; returns their ids. */
export async function createInstances(url: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const name = `bench-${String(index).padStart(5, "0")}`;
      const created = await graphql(url, token, CREATE, { input: { name } });
      if (created.createInstance.__typename !== "InstanceWithToken") {
        throw new Error(`createInstance: ${JSON.stringify(created.createInstance)}`);
      }
      ids[index] = created.createInstance.instance.id;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return ids;
}

export async function openCount(url: string, token: string): Promise<number> {
  return (await graphql(url, token, COUNT_OPEN)).instances.totalCount;
}

type Waiter = {
  accept: (node: InstanceNode) => boolean;
  resolve: (node: InstanceNode) => void;
  reject: (error: Error) => void;
  until: number;
};

/**
 * Watches instances through one `nodes(ids:)` query per tick for all of them, so many
 * pairings in flight cost one request per interval instead of one each.
 */
export class InstanceWatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly intervalMs = 200,
  ) {
    this.loop = this.run();
  }

  wait(id: string, accept: (node: InstanceNode) => boolean, timeoutMs: number): Promise<InstanceNode> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(id) ?? [];
      list.push({ accept, resolve, reject, until: Date.now() + timeoutMs });
      this.waiters.set(id, list);
    });
  }

  async close(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      await sleep(this.intervalMs);
      const ids = [...this.waiters.keys()];
      for (let start = 0; start < ids.length; start += 100) {
        const chunk = ids.slice(start, start + 100);
        let nodes: (InstanceNode | null)[] = [];
        try {
          nodes = (await graphql(this.url, this.token, NODES, { ids: chunk })).nodes;
        } catch (error) {
          console.error(`watcher: ${(error as Error).message}`);
        }
        for (const node of nodes) if (node) this.settle(node);
      }
      const now = Date.now();
      for (const [id, list] of this.waiters) {
        for (const waiter of list.filter((w) => w.until < now)) {
          waiter.reject(new Error(`instance ${id} timed out waiting`));
          this.remove(id, waiter);
        }
      }
    }
  }

  private settle(node: InstanceNode): void {
    for (const waiter of [...(this.waiters.get(node.id) ?? [])]) {
      if (!waiter.accept(node)) continue;
      waiter.resolve(node);
      this.remove(node.id, waiter);
    }
  }

  private remove(id: string, waiter: Waiter): void {
    const list = (this.waiters.get(id) ?? []).filter((w) => w !== waiter);
    if (list.length === 0) this.waiters.delete(id);
    else this.waiters.set(id, list);
  }
}

/**
 * Links one instance: connectInstance, its QR scanned by the simulated phone, then `open`.
 * A scan that fails (a QR that just rotated) is retried with the next QR.
 */
export async function pairInstance(options: {
  url: string;
  token: string;
  watcher: InstanceWatcher;
  sim: SimulatorProcess;
  id: string;
  phone: string;
  timeoutMs: number;
}): Promise<void> {
  const { url, token, watcher, sim, id, phone, timeoutMs } = options;
  const connected = await graphql(url, token, CONNECT, { id });
  if (connected.connectInstance.__typename !== "Instance") {
    throw new Error(`connectInstance: ${JSON.stringify(connected.connectInstance)}`);
  }
  const tried = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const node = await watcher.wait(
      id,
      (n) => n.connection === "open" || (n.qrcode !== null && !tried.has(n.qrcode.code)),
      timeoutMs,
    );
    if (node.connection === "open" || !node.qrcode) return;
    tried.add(node.qrcode.code);
    try {
      await sim.call("POST", "/scan", { phone, qr: node.qrcode.code, pushName: `Bench ${phone}` });
    } catch (error) {
      if (attempt === 2) throw error;
      continue;
    }
    await watcher.wait(id, (n) => n.connection === "open", timeoutMs);
    return;
  }
}
