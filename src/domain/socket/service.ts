import { z } from "zod";
import type { Caller } from "../../auth/access.ts";
import type { PrismaClient } from "../../db/client.ts";
import { NotFoundError } from "../../errors.ts";
import type { Socket } from "../../generated/sqlite/client.ts";
import { EventFlagsPatch } from "../flags.ts";
import type { InstanceRef, InstanceService } from "../instance/service.ts";
import { whileItExists } from "../prisma-errors.ts";
import { validate } from "../validate.ts";
import type { SocketConfigs } from "./live-configs.ts";

export const SetSocketInput = z.object({
  enabled: z.boolean(),
  events: EventFlagsPatch.optional(),
  mediaBase64: z.boolean().optional(),
});
export type SetSocketInput = z.input<typeof SetSocketInput>;

/** The one WebSocket configuration of an instance. */
export class SocketService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly instances: InstanceService,
    /** Kept current with every change: the /ws hub reads it per event. */
    private readonly live: SocketConfigs,
  ) {}

  /** Null when the instance never had a socket configured. */
  async find(caller: Caller, ref: InstanceRef): Promise<Socket | null> {
    const instance = await this.instances.get(caller, ref);
    return this.prisma.socket.findUnique({ where: { instanceId: instance.id } });
  }

  async get(caller: Caller, ref: InstanceRef): Promise<Socket> {
    const socket = await this.find(caller, ref);
    if (!socket)
      throw new NotFoundError(
        "Socket",
        "id" in ref ? ref.id : ref.name,
        "WebSocket not configured for this instance",
      );
    return socket;
  }

  /** Creates or updates the configuration (idempotent); flags not given keep their value. */
  async set(caller: Caller, ref: InstanceRef, input: SetSocketInput): Promise<Socket> {
    const instance = await this.instances.get(caller, ref);
    const { events, ...data } = validate(SetSocketInput, input);
    const values = { ...data, ...events };
    const socket = await whileItExists(
      this.prisma.socket.upsert({
        where: { instanceId: instance.id },
        create: { instanceId: instance.id, ...values },
        update: values,
      }),
      () => new NotFoundError("Instance", instance.name),
    );
    this.live.store(instance.id, socket);
    return socket;
  }

  /** Removes the configuration and answers it as it was, with the time it was removed. */
  async delete(caller: Caller, ref: InstanceRef): Promise<Socket & { deletedAt: Date }> {
    const socket = await this.get(caller, ref);
    const { count } = await this.prisma.socket.deleteMany({ where: { id: socket.id } });
    if (count === 0)
      throw new NotFoundError("Socket", socket.id, "WebSocket not configured for this instance");
    this.live.store(socket.instanceId, null);
    return { ...socket, deletedAt: new Date() };
  }
}
