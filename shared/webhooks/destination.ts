/**
 * Where a webhook may be sent. `https` to public addresses only, unless
 * WEBHOOK_LOCAL_DESTINATIONS is on: a subscription must not make the server
 * call its own loopback, the cloud metadata service (169.254.169.254) or the
 * private network behind it (SSRF). Names are checked when the subscription
 * is saved and again at every attempt, on the very addresses the connection
 * uses (a DNS answer that changes meanwhile cannot slip past).
 */
import dns from "node:dns";
import net from "node:net";
import type { LookupFunction } from "node:net";

const NOT_PUBLIC = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) NOT_PUBLIC.addSubnet(address, prefix, "ipv4");
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) NOT_PUBLIC.addSubnet(address, prefix, "ipv6");

/** Loopback, private, link-local, shared, multicast or reserved; IPv4 written as IPv6 (::ffff:10.0.0.1) too. */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NOT_PUBLIC.check(mapped[1], "ipv4");
  const family = net.isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export const MAX_URL_LENGTH = 2000;

/** Why a destination URL is refused, or null when it may be saved. */
export function destinationProblem(text: string, allowLocal: boolean): string | null {
  if (text.length > MAX_URL_LENGTH) return `url must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "url must be an absolute URL";
  }
  if (url.protocol !== "https:" && !(allowLocal && url.protocol === "http:")) return "url must use https";
  if (url.username || url.password) return "url must not carry a user name or password";
  if (url.hash) return "url must not have a fragment";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowLocal && net.isIP(host) && isNonPublicAddress(host)) return "url must not point at a loopback, private or link-local address";
  if (!allowLocal && (host === "localhost" || host.endsWith(".localhost"))) return "url must not point at a loopback, private or link-local address";
  return null;
}

/** A `lookup` for http.request that refuses non-public answers (the connection then never opens). */
export function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = allowLocal ? undefined : list.find((entry) => isNonPublicAddress(entry.address));
      if (refused || list.length === 0) {
        return callback(Object.assign(new Error(`destination ${hostname} resolves to a non-public address`), { code: "EWEBHOOKDESTINATION" }), "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
