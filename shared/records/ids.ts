/**
 * Deterministic ids: a UUID (version 5, RFC 9562) derived from an entity type
 * and a slug, so the seed gives the same ids on every machine and a program
 * can name the institutions it links before asking their subgraph.
 */
import { createHash } from "node:crypto";

const NAMESPACE = "6f1c1d4e-6a53-4c64-9a4e-2f0b7c9d8e10"; // PartnerGraph's own namespace

export function deterministicId(typeName: string, slug: string): string {
  const namespace = Buffer.from(NAMESPACE.replaceAll("-", ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(`${typeName}:${slug}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
