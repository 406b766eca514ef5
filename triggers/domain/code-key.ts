import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from './errors.ts';

/**
 * The server-side keys codes are hashed under. One is current (new codes); the others stay so that codes
 * issued before a rotation still verify. Stored as JSON `{ "current": "<id>", "<id>": "<secret>", ... }`,
 * the shape Secrets Manager's generated secrets take.
 */
export interface CodeKeys {
  readonly currentId: string;
  key(id: string): Uint8Array | undefined;
}

/** A key shorter than this is refused: it could be searched. */
const MIN_KEY_BYTES = 32;

export function parseCodeKeys(json: string, source: string): CodeKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError(source, 'does not hold JSON');
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const currentId = record.current;
  if (typeof currentId !== 'string' || currentId === '' || currentId === 'current') {
    throw new ConfigError(source, 'needs "current" naming one of its keys');
  }
  const keys = new Map<string, Uint8Array>();
  for (const [id, value] of Object.entries(record)) {
    if (id === 'current') continue;
    if (typeof value !== 'string' || Buffer.byteLength(value) < MIN_KEY_BYTES) {
      throw new ConfigError(source, `key "${id}" must be a string of at least ${MIN_KEY_BYTES} bytes`);
    }
    keys.set(id, Buffer.from(value, 'utf8'));
  }
  if (!keys.has(currentId)) throw new ConfigError(source, `has no key "${currentId}" (named by "current")`);
  return { currentId, key: (id) => keys.get(id) };
}

/** Where the keys come from: a Secrets Manager secret on AWS, a file in the local stack's data. */
export type CodeKeySource = { readonly kind: 'secret'; readonly secretId: string } | { readonly kind: 'file'; readonly path: string };

export type LoadCodeKeys = (options?: { readonly refresh?: boolean }) => Promise<CodeKeys>;

/** Reads the file again whenever it changed, so a rotation made by editing it applies at once. */
export function codeKeysFromFile(path: string): LoadCodeKeys {
  let cached: { modified: number; keys: CodeKeys } | undefined;
  return async () => {
    const modified = statSync(path).mtimeMs;
    if (cached?.modified !== modified) cached = { modified, keys: parseCodeKeys(readFileSync(path, 'utf8'), 'CODE_KEY_FILE') };
    return cached.keys;
  };
}
