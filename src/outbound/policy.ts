import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { type AllowList, EMPTY_ALLOW_LIST } from "./allow-list.ts";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Names that reach the gateway's own machine or a cloud metadata service whatever DNS says. */
const INTERNAL_NAMES = new Set([
  "localhost",
  "metadata",
  "metadata.google.internal",
  "instance-data",
  "instance-data.ec2.internal",
]);

/**
 * Cloud metadata services hand out credentials; they stay refused inside an allowed range
 * unless the allow list names the address on its own.
 */
const METADATA_ADDRESSES: Address[] = [
  "169.254.169.254", // AWS, GCP, Azure IMDS, OpenStack, DigitalOcean
  "169.254.170.2", // AWS ECS task credentials
  "168.63.129.16", // Azure wire server (a public address)
  "100.100.100.200", // Alibaba Cloud
  "192.0.0.192", // Oracle Cloud
  "fd00:ec2::254", // AWS IMDS over IPv6
].map((text) => ipaddr.parse(text));

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

const RANGE_LABELS: Record<string, string> = {
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  rfc6052: "NAT64 local-use",
  as112: "AS112",
  as112v6: "AS112",
  amt: "AMT",
};

const sameAddress = (a: Address, b: Address) =>
  a.kind() === b.kind() && a.match(b, a.kind() === "ipv4" ? 32 : 128);

const fromLowBits = (high: number, low: number) =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 address an IPv6 form carries and routes to (mapped, SIIT, NAT64, 6to4), if any. */
function embeddedIPv4(address: Address): ipaddr.IPv4 | undefined {
  if (address.kind() === "ipv4") return undefined;
  const v6 = address as ipaddr.IPv6;
  const parts = v6.parts;
  switch (v6.range()) {
    case "ipv4Mapped":
    case "rfc6145":
      return fromLowBits(parts[6], parts[7]);
    case "rfc6052":
      return v6.match(NAT64_WELL_KNOWN) ? fromLowBits(parts[6], parts[7]) : undefined;
    case "6to4":
      return fromLowBits(parts[1], parts[2]);
    default:
      return undefined;
  }
}

/** The name of the non-public range an address falls in, or undefined when it is public. */
function nonPublicRange(address: Address): string | undefined {
  const embedded = embeddedIPv4(address);
  if (embedded) {
    const range = nonPublicRange(embedded);
    return range && `${range}, inside an IPv6 address`;
  }
  const range = address.range();
  if (range !== "unicast") return RANGE_LABELS[range] ?? range;
  if (address.kind() === "ipv6" && !address.match(GLOBAL_UNICAST_V6)) return "reserved";
  return undefined;
}

/** A URL's host without IPv6 brackets or a trailing dot. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

/**
 * Which destinations outbound requests may reach: public addresses, plus what the operator
 * allows. Every check answers why a destination is refused, or undefined when it is not.
 */
export class OutboundPolicy {
  constructor(private readonly allow: AllowList = EMPTY_ALLOW_LIST) {}

  /** Checks a URL as written (scheme, credentials, IP literal, internal names), without DNS. */
  urlRefusal(input: string): string | undefined {
    const formRefusal = this.formRefusal(input);
    if (formRefusal) return formRefusal;
    const host = hostOf(new URL(input));
    return isIP(host) ? this.addressRefusal(host) : this.nameRefusal(host);
  }

  /** Checks what the connection cannot see: an http(s) URL without credentials. */
  formRefusal(input: string): string | undefined {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return "must be an absolute http(s) URL";
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an absolute http(s) URL";
    if (url.username || url.password) return "must not contain credentials";
    return undefined;
  }

  /** Whether the operator allowed this host name, so any address it resolves to is reachable. */
  allowsName(name: string): boolean {
    const host = name.toLowerCase().replace(/\.$/, "");
    return this.allow.names.some((allowed) =>
      allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) : host === allowed,
    );
  }

  nameRefusal(name: string): string | undefined {
    const host = name.toLowerCase().replace(/\.$/, "");
    if (this.allowsName(host)) return undefined;
    if (INTERNAL_NAMES.has(host) || host.endsWith(".localhost")) {
      return `must not point to an internal host (${host})`;
    }
    return undefined;
  }

  addressRefusal(text: string): string | undefined {
    if (!ipaddr.isValid(text)) return `must point to a valid address (${text})`;
    const address = ipaddr.process(text);
    const routed = embeddedIPv4(address) ?? address;
    if (METADATA_ADDRESSES.some((metadata) => sameAddress(metadata, routed))) {
      const named = this.allow.ranges.some(
        (range) =>
          range.prefix === (routed.kind() === "ipv4" ? 32 : 128) && sameAddress(range.network, routed),
      );
      return named ? undefined : `must not point to a cloud metadata address (${text})`;
    }
    if (this.inAllowedRange(address)) return undefined;
    const range = nonPublicRange(address);
    return range && `must point to a public address (${text} is ${range})`;
  }

  private inAllowedRange(address: Address): boolean {
    return this.allow.ranges.some(
      (range) => range.network.kind() === address.kind() && address.match(range.network, range.prefix),
    );
  }
}
