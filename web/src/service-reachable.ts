/** Whether the sign-in service answers at all, to tell a page its origin was refused (CORS) from a network that is down. */

/**
 * True when something answers at `endpoint` (the local stack's: its `/health`, so the check leaves no 404 in the
 * console). A `no-cors` request needs no CORS headers: it resolves (with an opaque answer) whenever the server
 * answers, whatever it says, and fails only when nothing can be reached.
 */
export async function serviceAnswers(endpoint: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    await fetch(new URL('/health', endpoint), { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
