import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Ranges and host names an operator lets outbound requests reach beyond public addresses. */
export interface AllowList {
  ranges: { network: Address; prefix: number }[];
  /** Lowercase names; `*.example.org` allows every name under example.org. */
  names: string[];
}

export const EMPTY_ALLOW_LIST: AllowList = { ranges: [], names: [] };

const NAME = /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

/**
 * Parses a comma-separated list of CIDR ranges (`10.0.0.0/8`, `fd00::/8`), single addresses
 * and host names (`hooks.internal`, `*.corp.example`). Answers the entries it could not read
 * next to what it could.
 */
export function parseAllowList(text: string): { list: AllowList; invalid: string[] } {
  const list: AllowList = { ranges: [], names: [] };
  const invalid: string[] = [];
  for (const entry of text.split(",").map((part) => part.trim().toLowerCase())) {
    if (!entry) continue;
    const bare = entry.replace(/^\[([^\]]*)\]/, "$1");
    if (ipaddr.isValidCIDR(bare)) {
      const [network, prefix] = ipaddr.parseCIDR(bare);
      list.ranges.push({ network, prefix });
    } else if (ipaddr.IPv6.isValid(bare) || ipaddr.IPv4.isValidFourPartDecimal(bare)) {
      const network = ipaddr.parse(bare);
      list.ranges.push({ network, prefix: network.kind() === "ipv4" ? 32 : 128 });
    } else if (NAME.test(entry.replace(/\.$/, "")) && !ipaddr.isValid(bare) && !/^[\d.]+$/.test(entry)) {
      list.names.push(entry.replace(/\.$/, ""));
    } else {
      invalid.push(entry);
    }
  }
  return { list, invalid };
}
