import { createHash } from "node:crypto";

function weight(nodeId: string, instanceId: string): bigint {
  return createHash("sha256").update(nodeId).update("\0").update(instanceId).digest().readBigUInt64BE(0);
}

/**
 * Rendezvous (highest random weight) hashing: every node computes the same owner for an
 * instance from the same list of nodes, and a node joining or leaving moves only the
 * instances it wins or held (about 1/n of them), never reshuffles the rest.
 */
export function preferredNode(nodeIds: readonly string[], instanceId: string): string | undefined {
  let best: string | undefined;
  let bestWeight = -1n;
  for (const nodeId of nodeIds) {
    const candidate = weight(nodeId, instanceId);
    if (candidate > bestWeight || (candidate === bestWeight && best !== undefined && nodeId < best)) {
      best = nodeId;
      bestWeight = candidate;
    }
  }
  return best;
}
