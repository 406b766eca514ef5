import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The local stack's stand-in for the Secrets Manager secret: a key generated once into the data folder
 * (readable by the owner only), in the shape the triggers read. Its path is passed as CODE_KEY_FILE; the key
 * itself is never printed or logged. Without a data folder, a fresh key lives in a temporary one.
 */
export function ensureCodeKeyFile(dataDir: string | undefined): string {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'email-otp-key-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'code-key.json');
  if (!existsSync(path)) {
    const secret = JSON.stringify({ current: 'local1', local1: randomBytes(32).toString('hex') });
    writeFileSync(path, secret, { mode: 0o600, flag: 'wx' });
  }
  return path;
}
