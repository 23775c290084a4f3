import { randomUUID } from "node:crypto";
import { type Caller, requireAccount, requireCaller, requireInstanceAccess } from "../../auth/access.ts";
import type { TokenRevocations } from "../../auth/revocations.ts";
import { sha256, type TokenService } from "../../auth/tokens.ts";
import type { PrismaClient } from "../../db/client.ts";
import { ConflictError, ForbiddenError, NotConnectedError, NotFoundError } from "../../errors.ts";
import type { EventLog } from "../../events/log.ts";
import type { Instance, Prisma } from "../../generated/sqlite/client.ts";
import type { Engine } from "../../whatsapp/engine.ts";
import { SessionNotOpenError } from "../../whatsapp/outgoing.ts";
import { uniquely, whileItExists } from "../prisma-errors.ts";
import { validate } from "../validate.ts";
import { CreateInstanceInput, PhoneNumber, UpdateInstanceInput, Uuid } from "./schemas.ts";

export type InstanceRef = { id: string } | { name: string };

export interface InstanceFilter {
  name?: string | null;
  state?: "active" | "inactive" | null;
  connection?: "open" | "connecting" | "close" | "refused" | null;
}

const tokenTaken = () => new ConflictError("This token cannot be used: choose another one");

/** The engine's "no session" in the API's terms. */
const notConnected =
  (instance: Instance) =>
  (error: unknown): never => {
    throw error instanceof SessionNotOpenError ? new NotConnectedError(instance.name) : error;
  };

/** The answer when an instance found a moment ago was deleted meanwhile. */
const gone = (instance: Instance) => new NotFoundError("Instance", instance.name);

export class InstanceService {
  /** Instances being deleted by this process: a second delete is refused, not queued. */
  private readonly deleting = new Set<string>();
  private readonly deleteListeners = new Set<(instanceId: string) => Promise<void>>();

  /** Told right before an instance's instanceDelete is committed and its rows deleted. */
  onDelete(listener: (instanceId: string) => Promise<void>): void {
    this.deleteListeners.add(listener);
  }

  constructor(
    private readonly prisma: PrismaClient,
    private readonly tokens: TokenService,
    private readonly revocations: TokenRevocations,
    private readonly log: EventLog,
    private readonly engine: Engine,
  ) {}

  /** The instances a caller may see, as a Prisma filter (an instance token sees its own). */
  visibleWhere(caller: Caller, filter: InstanceFilter = {}): Prisma.InstanceWhereInput {
    const principal = requireCaller(caller);
    return {
      ...(principal.kind === "instance" ? { id: principal.instanceId } : {}),
      ...(filter.name ? { name: { contains: filter.name } } : {}),
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.connection ? { connection: filter.connection } : {}),
    };
  }

  /** Finds an instance the caller may reach; another instance's token learns nothing about it. */
  async get(caller: Caller, ref: InstanceRef): Promise<Instance> {
    const principal = requireCaller(caller);
    const where = "id" in ref ? { id: validate(Uuid, ref.id) } : { name: ref.name };
    const instance = await this.prisma.instance.findUnique({ where });
    if (!instance) {
      if (principal.kind === "instance") throw new ForbiddenError();
      throw new NotFoundError("Instance", "id" in ref ? ref.id : ref.name);
    }
    requireInstanceAccess(principal, instance.id);
    return instance;
  }

  async create(caller: Caller, input: CreateInstanceInput): Promise<{ instance: Instance; token: string }> {
    requireAccount(caller);
    const { token: customToken, ...data } = validate(CreateInstanceInput, input);
    const customTokenHash = customToken ? sha256(customToken) : null;
    // A chosen token must name this instance alone: not the account token, not another's.
    if (customTokenHash && this.tokens.isAccountTokenHash(customTokenHash)) throw tokenTaken();
    // The id is chosen here so the token can be signed and stored in the same insert.
    const id = randomUUID();
    const issued = await this.tokens.issue(id);
    const auth = { tokenId: issued.tokenId, issuedAt: issued.issuedAt, customTokenHash };
    const instance = await uniquely(
      this.prisma.instance.create({ data: { ...data, id, auth: { create: auth } } }),
      (model) =>
        model === "Auth" ? tokenTaken().message : `An instance named "${data.name}" already exists`,
    );
    return { instance, token: customToken ?? issued.token };
  }

  async update(caller: Caller, ref: InstanceRef, input: UpdateInstanceInput): Promise<Instance> {
    const instance = await this.get(caller, ref);
    const data = validate(UpdateInstanceInput, input);
    const conflict = `An instance named "${data.name}" already exists`;
    const updated = await whileItExists(
      uniquely(this.prisma.instance.update({ where: { id: instance.id }, data }), conflict),
      () => gone(instance),
    );
    if (updated.state === "inactive" && instance.state === "active") await this.engine.stop(updated.id);
    else await this.engine.updateSettings(updated);
    return updated;
  }

  /** The instance's current token (JWT rebuilt from its stored id). */
  async currentToken(instanceId: string): Promise<string | null> {
    const auth = await this.prisma.auth.findUnique({ where: { instanceId } });
    return auth ? this.tokens.sign(instanceId, auth.tokenId, auth.issuedAt) : null;
  }

  /** Issues a new JWT, revoking the previous token (and a caller-chosen one), and emits newJwt. */
  async rotateToken(caller: Caller, ref: InstanceRef): Promise<{ instance: Instance; token: string }> {
    const instance = await this.get(caller, ref);
    const issued = await this.tokens.issue(instance.id);
    await whileItExists(
      this.prisma.auth.upsert({
        where: { instanceId: instance.id },
        create: { instanceId: instance.id, tokenId: issued.tokenId, issuedAt: issued.issuedAt },
        update: { tokenId: issued.tokenId, issuedAt: issued.issuedAt, customTokenHash: null },
      }),
      () => gone(instance),
    );
    // Before newJwt goes out: a stream opened with the old token must not carry the new one.
    this.revocations.revokeInstanceToken(instance.id);
    await this.log.emit({
      instanceId: instance.id,
      instanceName: instance.name,
      type: "newJwt",
      data: { jwt: issued.token },
    });
    return { instance, token: issued.token };
  }

  /** Starts the WhatsApp session: a QR (or pairing code) follows unless a device is linked. */
  async connect(caller: Caller, ref: InstanceRef): Promise<Instance> {
    const instance = await this.get(caller, ref);
    if (instance.state === "inactive") {
      await whileItExists(
        this.prisma.instance.update({ where: { id: instance.id }, data: { state: "active" } }),
        () => gone(instance),
      );
    }
    await this.engine.connect(instance);
    return whileItExists(this.prisma.instance.findUniqueOrThrow({ where: { id: instance.id } }), () =>
      gone(instance),
    );
  }

  /** Closes and reopens the socket, keeping the linked device. */
  async restart(caller: Caller, ref: InstanceRef): Promise<Instance> {
    const instance = await this.get(caller, ref);
    await this.engine.restart(instance.id).catch(notConnected(instance));
    return whileItExists(this.prisma.instance.findUniqueOrThrow({ where: { id: instance.id } }), () =>
      gone(instance),
    );
  }

  /** An 8-character code to type on the phone instead of scanning the QR. */
  async requestPairingCode(caller: Caller, ref: InstanceRef, phoneNumber: string): Promise<string> {
    const instance = await this.get(caller, ref);
    const digits = validate(PhoneNumber, phoneNumber);
    try {
      return await this.engine.requestPairingCode(instance, digits);
    } catch (error) {
      throw new ConflictError(`Cannot request a pairing code: ${(error as Error).message}`);
    }
  }

  /** The QR code currently shown for linking, if the session is waiting for a scan. */
  async qrcode(instanceId: string) {
    return (await this.engine.qrcode(instanceId)) ?? null;
  }

  /** Logs the WhatsApp session off; the instance and its configuration stay. */
  async logout(caller: Caller, ref: InstanceRef): Promise<Instance> {
    const instance = await this.get(caller, ref);
    await this.engine.logout(instance.id).catch(notConnected(instance));
    return whileItExists(
      this.prisma.instance.update({ where: { id: instance.id }, data: { connection: "close" } }),
      () => gone(instance),
    );
  }

  /**
   * Deletes an instance and every row it owns. instanceDelete is the last word about the
   * instance: the session's own last events (its close) are committed before it, and it is
   * committed while the row still exists; sinks get what they need from the event itself (the
   * log keeps it after the rows are gone). A concurrent delete of the same instance is refused.
   */
  async delete(caller: Caller, ref: InstanceRef): Promise<Instance> {
    const instance = await this.get(caller, ref);
    if (this.deleting.has(instance.id)) {
      throw new ConflictError(`Deletion of instance "${instance.name}" is already in progress`);
    }
    this.deleting.add(instance.id);
    try {
      // A delete that read the row just before another one finished must not go on: read it
      // again now that this one holds the instance (no other delete can finish meanwhile).
      if (!(await this.prisma.instance.findUnique({ where: { id: instance.id }, select: { id: true } }))) {
        throw new NotFoundError("Instance", "id" in ref ? ref.id : ref.name);
      }
      // Returns once the session's events are published; a failed logout never blocks the delete.
      await this.engine.remove(instance.id);
      // Webhooks are retired before instanceDelete exists: a pump that delivers it at once
      // (on another node, say) then finds its snapshot to let go.
      for (const listener of this.deleteListeners) await listener(instance.id);
      await this.log.emit({
        instanceId: instance.id,
        instanceName: instance.name,
        type: "instanceDelete",
        data: { instanceId: instance.id, instanceName: instance.name },
      });
      // Relations cascade in the database: one statement removes every row of the instance.
      await this.prisma.instance.delete({ where: { id: instance.id } });
      return instance;
    } finally {
      this.deleting.delete(instance.id);
    }
  }
}
