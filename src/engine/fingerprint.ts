/**
 * A short, stable fingerprint of a text: six hex digits (24 bits) of FNV-1a over its UTF-16
 * code units, mixed with MurmurHash3's finaliser so that texts differing in one character
 * differ in about half the digits. Not for security: it tells versions apart, and two
 * given texts share a fingerprint with a chance of one in 16.7 million.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return ((hash >>> 8) & 0xffffff).toString(16).padStart(6, "0");
}
