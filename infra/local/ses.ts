import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { closeServer, portInUse, type RunningServer } from './listen.ts';

// A CommonJS package whose default export Node, tsx and Vite interpret differently: load it one way.
const sesModule = createRequire(import.meta.url)('aws-ses-v2-local') as typeof import('aws-ses-v2-local');

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
