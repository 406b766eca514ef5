/** Reading environment variables, one way for the triggers and the local stack: a value, its default, or a ConfigError naming the variable. */
import { ConfigError } from './errors.ts';

export type Env = Record<string, string | undefined>;

/** A trimmed, non-empty string; `fallback` when unset or empty, a ConfigError when there is none. */
export function textVar(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(name, 'is required');
}

/** A whole number from `min` to `max`; `fallback` when unset or empty. */
export function integerVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** `true` or `false`; false when unset or empty. */
export function flagVar(env: Env, name: string): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}
