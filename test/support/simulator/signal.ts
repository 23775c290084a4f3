import {
  DEFAULT_CONNECTION_CONFIG,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStoreWithTransaction,
  signedKeyPair,
} from "@whiskeysockets/baileys";
import { type KeyPair, newKeyPair } from "./certificates.ts";
import type { PreKey, SignedPreKey } from "./directory.ts";

type Repository = ReturnType<typeof DEFAULT_CONNECTION_CONFIG.makeSignalRepository>;

/** Key bundle as served by `<iq xmlns=encrypt><key>`. */
export type KeyBundle = {
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: SignedPreKey;
  preKey?: PreKey;
};

const noop = () => {};
const silentLogger = {
  level: "silent",
  child: () => silentLogger,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
};

// Unused one-time pre-keys kept per endpoint; older ones are forgotten.
const MAX_UNUSED_PREKEYS = 2000;

/** In-memory Signal key store; this endpoint serialises all work, so no real transactions. */
class MemoryKeyStore implements SignalKeyStoreWithTransaction {
  private readonly data = new Map<string, Map<string, unknown>>();

  get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]): { [id: string]: SignalDataTypeMap[T] } {
    const bucket = this.data.get(type);
    const out: { [id: string]: SignalDataTypeMap[T] } = {};
    if (!bucket) return out;
    for (const id of ids) {
      const value = bucket.get(id);
      if (value !== undefined) out[id] = value as SignalDataTypeMap[T];
    }
    return out;
  }

  set(data: SignalDataSet): void {
    for (const [type, entries] of Object.entries(data)) {
      let bucket = this.data.get(type);
      if (!bucket) {
        bucket = new Map();
        this.data.set(type, bucket);
      }
      for (const [id, value] of Object.entries(entries ?? {})) {
        if (value === null || value === undefined) bucket.delete(id);
        else bucket.set(id, value);
      }
    }
  }

  count(type: string): number {
    return this.data.get(type)?.size ?? 0;
  }

  oldestId(type: string): string | undefined {
    return this.data.get(type)?.keys().next().value;
  }

  isInTransaction = () => false;
  transaction<T>(exec: () => Promise<T>): Promise<T> {
    return exec();
  }
}

/**
 * The Signal side of a simulated user's phone (device 0), built on Baileys' own
 * libsignal repository so what it encrypts is exactly what Baileys expects.
 */
export class SignalEndpoint {
  private readonly keys = new MemoryKeyStore();
  private readonly repo: Repository;
  private readonly identityPublic: Buffer;
  private readonly signedPreKey: SignedPreKey;
  private nextPreKeyId = 1;
  private tail: Promise<unknown> = Promise.resolve();

  /** Created on first use: signing the pre-key is the costly part (pure-JS XEdDSA). */
  constructor(
    identity: KeyPair,
    private readonly registrationId: number,
  ) {
    const signed = signedKeyPair(identity, 1);
    this.signedPreKey = {
      keyId: signed.keyId,
      public: Buffer.from(signed.keyPair.public),
      signature: Buffer.from(signed.signature),
    };
    const creds = { signedIdentityKey: identity, signedPreKey: signed, registrationId };
    this.repo = DEFAULT_CONNECTION_CONFIG.makeSignalRepository({ creds, keys: this.keys }, silentLogger);
    this.identityPublic = Buffer.from(identity.public);
  }

  /** Serialises Signal work: the session store is shared by all peers of this endpoint. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(noop);
    return next;
  }

  /** Bundle for someone starting a session with this phone, with a fresh one-time pre-key. */
  bundle(): KeyBundle {
    const pair = newKeyPair();
    const keyId = this.nextPreKeyId++;
    this.keys.set({ "pre-key": { [keyId]: pair } });
    if (this.keys.count("pre-key") > MAX_UNUSED_PREKEYS) {
      const oldest = this.keys.oldestId("pre-key");
      if (oldest) this.keys.set({ "pre-key": { [oldest]: null } });
    }
    return {
      registrationId: this.registrationId,
      identityKey: this.identityPublic,
      signedPreKey: this.signedPreKey,
      preKey: { keyId, public: pair.public },
    };
  }

  hasSession(address: string): Promise<boolean> {
    return this.run(async () => (await this.repo.validateSession(address)).exists);
  }

  startSession(address: string, bundle: KeyBundle): Promise<void> {
    return this.run(() =>
      this.repo.injectE2ESession({
        jid: address,
        session: {
          registrationId: bundle.registrationId,
          identityKey: withType(bundle.identityKey),
          signedPreKey: {
            keyId: bundle.signedPreKey.keyId,
            publicKey: withType(bundle.signedPreKey.public),
            signature: bundle.signedPreKey.signature,
          },
          preKey: bundle.preKey
            ? { keyId: bundle.preKey.keyId, publicKey: withType(bundle.preKey.public) }
            : (undefined as never),
        },
      }),
    );
  }

  /** Forgets the session with a peer: the next message starts a new one (a pkmsg). */
  forgetSession(address: string): Promise<void> {
    return this.run(() => this.repo.deleteSession([address]));
  }

  encrypt(address: string, data: Uint8Array): Promise<{ type: "pkmsg" | "msg"; ciphertext: Uint8Array }> {
    return this.run(() => this.repo.encryptMessage({ jid: address, data }));
  }

  /** Sender-key (skmsg) encryption for a group, with the distribution message that opens it. */
  encryptGroup(
    group: string,
    senderJid: string,
    data: Uint8Array,
  ): Promise<{ ciphertext: Uint8Array; senderKeyDistributionMessage: Uint8Array }> {
    return this.run(() => this.repo.encryptGroupMessage({ group, meId: senderJid, data }));
  }

  decrypt(address: string, type: "pkmsg" | "msg", ciphertext: Uint8Array): Promise<Uint8Array> {
    return this.run(() => this.repo.decryptMessage({ jid: address, type, ciphertext }));
  }
}

function withType(key: Uint8Array): Uint8Array {
  return key.length === 33 ? key : Buffer.concat([Buffer.from([5]), key]);
}
