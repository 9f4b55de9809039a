import { createHash } from 'crypto';

/**
 * Content hashes of what pods actually read from a config source.
 */
export class ContentHash {
  /** sha256 (hex) of a value's canonical JSON: object keys sorted, so key order never matters. */
  public static of(value: any): string {
    return createHash('sha256').update(canonicalJson(value)).digest('hex');
  }

  /** Hash of a ConfigMap manifest: its `data` and `binaryData` only, never labels or annotations. */
  public static ofConfigMap(manifest: any): string {
    return ContentHash.of({ data: manifest?.data ?? {}, binaryData: manifest?.binaryData ?? {} });
  }

  /** Hash of a Secret manifest: its `data`, `stringData` and `type`. */
  public static ofSecret(manifest: any): string {
    return ContentHash.of({ data: manifest?.data ?? {}, stringData: manifest?.stringData ?? {}, type: manifest?.type ?? 'Opaque' });
  }

  /**
   * Hash of an ExternalSecret manifest: its whole `spec`, since the values are
   * unknown at synth. A bumped remote `version` changes it.
   */
  public static ofExternalSecret(manifest: any): string {
    return ContentHash.of(manifest?.spec ?? {});
  }

  private constructor() {}
}

/**
 * JSON with object keys sorted at every level; `undefined` members dropped.
 * The same text as `JSON.stringify` of a key-sorted copy, written directly
 * (no copy): every restart hash of a synth goes through here.
 */
export function canonicalJson(value: any): string {
  const out: string[] = [];
  writeCanonical(value, out);
  return out.join('');
}

function writeCanonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    // As JSON.stringify writes an array item: undefined, functions and symbols become null.
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) {
        out.push(',');
      }
      writeCanonical(value[i], out);
    }
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  // Own keys only, so a key named `__proto__` (valid in a ConfigMap) is written like any other.
  for (const key of canonicalKeyOrder(Object.keys(value))) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') {
      continue;
    }
    out.push(first ? '' : ',', JSON.stringify(key), ':');
    first = false;
    writeCanonical(member, out);
  }
  out.push('}');
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;
const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/**
 * Keys sorted, except that keys which are array indices ("0", "10") come
 * first, in numeric order: the order in which JavaScript lists the keys of
 * an object built in sorted order, and so the order these hashes have
 * always been taken in.
 */
function canonicalKeyOrder(keys: string[]): string[] {
  keys.sort();
  if (!keys.some(isArrayIndex)) {
    return keys;
  }
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter(k => !isArrayIndex(k))];
}

function isArrayIndex(key: string): boolean {
  return ARRAY_INDEX.test(key) && Number(key) <= MAX_ARRAY_INDEX;
}
