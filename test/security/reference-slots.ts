/**
 * Finds the places in a config that hold references to secrets: a store's
 * name, a remote reference's key, property and version, and the name of an
 * existing Secret. Found by shape, so a new provider's sections are covered
 * without changes here.
 */

/** One reference field, by its path in the config. */
export interface ReferenceSlot {
  /** Keys from the config's root, e.g. `['auth0', 'credentials', 'fromStore', 'clientSecret', 'key']`. */
  readonly path: (string | number)[];
  /** What the field holds. */
  readonly kind: 'store' | 'key' | 'property' | 'version' | 'existingSecret';
}

const REMOTE_KEYS = ['key', 'property', 'version'];

/** Every reference field in `config`, in document order. */
export function referenceSlots(config: unknown, at: (string | number)[] = []): ReferenceSlot[] {
  if (Array.isArray(config)) {
    return config.flatMap((item, i) => referenceSlots(item, [...at, i]));
  }
  if (!config || typeof config !== 'object') {
    return [];
  }
  const object = config as Record<string, unknown>;
  const keys = Object.keys(object);
  if (typeof object.key === 'string' && keys.every(k => REMOTE_KEYS.includes(k))) {
    return keys.map(k => ({ path: [...at, k], kind: k as ReferenceSlot['kind'] }));
  }
  return keys.flatMap(k => {
    const value = object[k];
    if (k === 'store' && value && typeof value === 'object' && typeof (value as any).name === 'string') {
      return [{ path: [...at, k, 'name'], kind: 'store' as const }];
    }
    if (k === 'existingSecret' && typeof value === 'string') {
      return [{ path: [...at, k], kind: 'existingSecret' as const }];
    }
    return referenceSlots(value, [...at, k]);
  });
}

/** `auth0.credentials.fromStore.keys[0].remote.key` */
export function fieldOf(path: (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Sets the value at `path` in place. */
export function setAt(config: any, path: (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce((o, k) => o[k], config);
  parent[path[path.length - 1]] = value;
}

/** Every object in `config` that has a `fromStore` key, as paths (sites where an existing Secret could be named instead). */
export function fromStoreSites(config: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(config)) {
    return config.flatMap((item, i) => fromStoreSites(item, [...at, i]));
  }
  if (!config || typeof config !== 'object') {
    return [];
  }
  const here = 'fromStore' in (config as object) ? [at] : [];
  return [...here, ...Object.entries(config as object).flatMap(([k, v]) => fromStoreSites(v, [...at, k]))];
}
