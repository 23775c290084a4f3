import { decodeGlobalID } from "@pothos/plugin-relay";
import type { InstanceRef } from "../domain/instance/service.ts";

/** Accepts a Relay global id of the given type or the raw UUID (as the REST families use). */
export function rawId(id: string | number, typename: string): string {
  const value = String(id);
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // not a global id: taken as the raw id
  }
  return value;
}

export function instanceRef(id: string | number): InstanceRef {
  return { id: rawId(id, "Instance") };
}
