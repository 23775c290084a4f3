/**
 * Event data as plain JSON: Baileys reports protobuf objects with Long numbers and byte
 * buffers, which clients of every sink should not have to decode.
 */
export function toPlain(value: unknown): unknown {
  return JSON.parse(plainJson(value) ?? "null");
}

/** The same conversion straight to JSON text, for sinks that send text (one stringify, no parse). */
export function plainJson(value: unknown): string | undefined {
  return JSON.stringify(value, plainReplacer);
}

function plainReplacer(this: unknown, _key: string, current: unknown): unknown {
  if (current && typeof current === "object") {
    const record = current as Record<string, unknown>;
    if (record.type === "Buffer" && Array.isArray(record.data)) {
      return Buffer.from(record.data as number[]).toString("base64");
    }
    if (typeof record.low === "number" && typeof record.high === "number" && "unsigned" in record) {
      return Number(BigInt.asIntN(64, (BigInt(record.high) << 32n) | BigInt(record.low >>> 0)));
    }
  }
  if (current instanceof Uint8Array) return Buffer.from(current).toString("base64");
  return current;
}
