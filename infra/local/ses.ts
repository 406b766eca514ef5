import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { closeServer, portInUse, type RunningServer } from './listen.ts';
import type { MailboxEmail } from './mailbox-client.ts';

// A CommonJS package whose default export Node, tsx and Vite interpret differently: load it one way.
const require = createRequire(import.meta.url);
const sesModule = require('aws-ses-v2-local') as typeof import('aws-ses-v2-local');
/** The mailbox the server fills (module state of aws-ses-v2-local; one per process). */
const sesStore = require('aws-ses-v2-local/dist/store') as { getStoreReadonly(): { emails: MailboxEmail[] } };

/** Starts the SES endpoint with its mailbox page (`/`) and `GET /store` on 127.0.0.1. */
export async function startSes(port: number, portVariable?: string): Promise<RunningServer> {
  const server = await sesModule.default({ host: '127.0.0.1', port });
  // Express reports a failed listen to its callback, which aws-ses-v2-local ignores: check ourselves.
  const address = server.address() as AddressInfo | null;
  if (!server.listening || !address) {
    server.close();
    throw portInUse(port, 'the SES mailbox', portVariable);
  }
  return { url: `http://127.0.0.1:${address.port}`, port: address.port, stop: () => closeServer(server) };
}

/**
 * The emails SES accepted so far, oldest first, read in this process (what `GET /store` serves, without
 * the HTTP round trip and the JSON of the whole mailbox): for a bench that reads many inboxes at once.
 */
export function acceptedEmails(): readonly MailboxEmail[] {
  return sesStore.getStoreReadonly().emails;
}
