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

/** JSON with object keys sorted at every level; `undefined` members dropped. */
export function canonicalJson(value: any): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: any): any {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    // No prototype, so a key named `__proto__` (valid in a ConfigMap) stays a key.
    const sorted: Record<string, any> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) {
        sorted[key] = sortKeys(value[key]);
      }
    }
    return sorted;
  }
  return value;
}
