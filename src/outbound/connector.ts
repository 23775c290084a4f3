import { promises as dns, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { buildConnector } from "undici";
import type { OutboundPolicy } from "./policy.ts";

/** Resolves a host name to every address it has (injectable for tests). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, order: "verbatim" });

/** The destination is outside the policy; raised before any byte is sent to it. */
export class RefusedDestinationError extends Error {
  readonly code = "OUTBOUND_REFUSED";
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`${host}: ${reason}`);
  }
}

/**
 * An undici connector that checks the address it connects to: IP literals as they are, and
 * host names by name and then by every address they resolve to, in the lookup the socket
 * connects with (so DNS cannot answer one address to a check and another to the
 * connection). TLS keeps the URL's host name for SNI and certificate checks.
 */
export function guardedConnector(
  policy: OutboundPolicy,
  options: { connectTimeoutMs: number; resolve?: Resolve },
): buildConnector.connector {
  const resolve = options.resolve ?? systemResolve;
  /** Every address of a name, refused as a whole when one of them is outside the policy. */
  const checkedAddresses = async (hostname: string, family?: number): Promise<LookupAddress[]> => {
    const addresses = (await resolve(hostname)).filter((entry) => !family || entry.family === family);
    if (addresses.length === 0) {
      throw Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
    }
    if (!policy.allowsName(hostname)) {
      for (const { address } of addresses) {
        const refusal = policy.addressRefusal(address);
        if (refusal) throw new RefusedDestinationError(hostname, refusal);
      }
    }
    return addresses;
  };
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const family =
      lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : undefined;
    checkedAddresses(hostname, family).then(
      (addresses) =>
        lookupOptions.all
          ? callback(null, addresses)
          : callback(null, addresses[0].address, addresses[0].family),
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
  const connect = buildConnector({ timeout: options.connectTimeoutMs, lookup });

  return (connectOptions, callback) => {
    const host = connectOptions.hostname;
    const refusal = isIP(host) ? policy.addressRefusal(host) : policy.nameRefusal(host);
    if (refusal) {
      callback(new RefusedDestinationError(host, refusal), null);
      return;
    }
    connect(connectOptions, callback);
  };
}
