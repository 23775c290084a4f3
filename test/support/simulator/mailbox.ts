import type { proto } from "@whiskeysockets/baileys";

/** A message an account sent to a simulated user, as that user's phone decrypted it. */
export type ReceivedMessage = {
  id: string;
  /** Phone number of the sending account. */
  from: string;
  /** Sending companion device id. */
  fromDevice: number;
  text?: string;
  message: proto.IMessage;
  /** Signal message type it arrived as. */
  type: "pkmsg" | "msg";
  receivedAt: number;
};

/** A receipt an account sent for messages from a simulated user. */
export type ReceivedReceipt = {
  ids: string[];
  /** Receipt type as Baileys sent it (undefined means delivered). */
  type?: string;
  /** Phone number of the account that sent the receipt. */
  from: string;
  receivedAt: number;
};

type Waiter<T> = { match: (item: T) => boolean; resolve: (item: T) => void; timer: NodeJS.Timeout };

/** Bounded list with waiters, so long benchmark runs do not grow memory. */
export class BoundedFeed<T> {
  private readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();
  constructor(private readonly cap: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.cap) this.items.splice(0, this.items.length - this.cap);
    for (const w of this.waiters) {
      if (w.match(item)) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(item);
      }
    }
  }

  list(): readonly T[] {
    return this.items;
  }

  /** Resolves with the first item (already here or arriving) that matches. */
  waitFor(match: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = this.items.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }
}

/** What a simulated user's phone has received. */
export class Mailbox {
  readonly messages = new BoundedFeed<ReceivedMessage>(1000);
  readonly receipts = new BoundedFeed<ReceivedReceipt>(1000);
}
