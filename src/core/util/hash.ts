/**
 * FNV-1a, 32-bit, as 8 hex digits. Small, dependency-free and identical in
 * Node and browsers; used for stable ids, never for security.
 */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
