import { createHash } from 'node:crypto';
import { isUuid } from '@coso/domain';

/**
 * A UUID (version 5 layout) derived from a readable key such as "ward-2003-giang-bien", so
 * datasets written with readable ids load with the same ids every time (re-runnable imports,
 * stable links in reports). UUIDs pass through unchanged.
 */
export function stableUuid(key: string): string {
  if (isUuid(key)) return key.toLowerCase();
  const h = createHash('sha1').update(`coso:${key}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
