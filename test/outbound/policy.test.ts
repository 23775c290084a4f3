// The outbound policy on URLs as written: what it refuses without any network access, and
// what the operator's allow list opens.

import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { OutboundPolicy } from "../../src/outbound/policy.ts";
import { INTERNAL_URLS } from "./internal-urls.ts";

const policyAllowing = (allow: string) =>
  new OutboundPolicy(loadConfig({ OUTBOUND_ALLOW: allow }).OUTBOUND_ALLOW);

describe("outbound policy, default", () => {
  const policy = policyAllowing("");

  it.each(INTERNAL_URLS)("refuses %s", (url) => {
    expect(policy.urlRefusal(url)).toEqual(expect.any(String));
  });

  it.each([
    ["http://[64:ff9b::7f00:1]/", "NAT64 form of 127.0.0.1"],
    ["http://[2002:a00:1::]/", "6to4 form of 10.0.0.1"],
    ["http://[::ffff:0:a9fe:a9fe]/", "SIIT form of 169.254.169.254"],
    ["http://[::7f00:1]/", "IPv4-compatible ::127.0.0.1"],
    ["http://[64:ff9b::a83f:8110]/", "NAT64 form of 168.63.129.16"],
    ["http://168.63.129.16/", "Azure's wire server"],
    ["http://100.100.100.200/", "Alibaba's metadata"],
    ["http://[fe80::1]/", "IPv6 link-local"],
    ["http://[fc00::1]/", "IPv6 unique-local"],
    ["http://[ff02::1]/", "IPv6 multicast"],
    ["http://[::]/", "IPv6 unspecified"],
    ["http://224.0.0.1/", "IPv4 multicast"],
    ["http://255.255.255.255/", "broadcast"],
    ["http://240.0.0.1/", "reserved"],
    ["http://0177.0.0.1/", "octal loopback"],
    ["http://METADATA.google.internal./", "metadata name in capitals with a trailing dot"],
    ["file:///etc/passwd", "a file URL"],
    ["ftp://example.com/x", "an FTP URL"],
    ["http://:secret@example.com/", "a password without a user"],
  ])("refuses %s (%s)", (url) => {
    expect(policy.urlRefusal(url)).toEqual(expect.any(String));
  });

  it("says why, in terms of the URL as written", () => {
    expect(policy.urlRefusal("http://2130706433/")).toBe(
      "must point to a public address (127.0.0.1 is loopback)",
    );
    expect(policy.urlRefusal("http://[2002:a00:1::]/")).toBe(
      "must point to a public address (2002:a00:1:: is private, inside an IPv6 address)",
    );
    expect(policy.urlRefusal("http://user:pass@example.com/")).toBe("must not contain credentials");
    expect(policy.urlRefusal("http://localhost:9000/")).toBe(
      "must not point to an internal host (localhost)",
    );
  });

  it.each([
    "https://example.com/hook",
    "http://8.8.8.8/",
    "https://[2606:4700:4700::1111]/",
    "http://[64:ff9b::808:808]/",
    "https://hooks.example.org:8443/path?query=1",
  ])("lets the public %s through", (url) => {
    expect(policy.urlRefusal(url)).toBeUndefined();
  });

  it("checks resolved addresses in every form", () => {
    expect(policy.addressRefusal("::ffff:10.1.2.3")).toMatch(/private/);
    expect(policy.addressRefusal("93.184.215.14")).toBeUndefined();
  });
});

describe("outbound policy, with OUTBOUND_ALLOW", () => {
  const policy = policyAllowing("127.0.0.0/8, 169.254.0.0/16, fd00::/8, hooks.lan, *.corp.example");

  it("opens the listed ranges, in their IPv4-mapped form too", () => {
    expect(policy.urlRefusal("http://127.0.0.2:8080/hook")).toBeUndefined();
    expect(policy.urlRefusal("http://[::ffff:127.0.0.1]/hook")).toBeUndefined();
    expect(policy.urlRefusal("http://169.254.10.10/")).toBeUndefined();
    expect(policy.urlRefusal("http://10.0.0.1/")).toMatch(/private/);
    expect(policy.urlRefusal("http://[::1]/")).toMatch(/loopback/);
  });

  it("keeps metadata addresses refused inside an allowed range unless listed alone", () => {
    expect(policy.urlRefusal("http://169.254.169.254/")).toMatch(/metadata/);
    expect(policy.urlRefusal("http://[fd00:ec2::254]/")).toMatch(/metadata/);
    const named = policyAllowing("169.254.169.254");
    expect(named.urlRefusal("http://169.254.169.254/")).toBeUndefined();
  });

  it("opens listed names and names under a wildcard, not others", () => {
    expect(policy.allowsName("hooks.lan")).toBe(true);
    expect(policy.allowsName("a.b.corp.example")).toBe(true);
    expect(policy.allowsName("corp.example")).toBe(false);
    expect(policy.allowsName("evilcorp.example")).toBe(false);
    expect(policy.urlRefusal("http://localhost/")).toMatch(/internal host/);
    expect(policyAllowing("localhost").urlRefusal("http://localhost/")).toBeUndefined();
  });

  it("refuses unreadable entries at start, naming each", () => {
    expect(() => loadConfig({ OUTBOUND_ALLOW: "10.0.0.0/8, 10.0.0.0/33, 127.1, bad entry" })).toThrow(
      /OUTBOUND_ALLOW=.*"10\.0\.0\.0\/33".*\n.*"127\.1".*\n.*"bad entry"/,
    );
  });
});
