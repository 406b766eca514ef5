import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** The message for a port in use: the service, and the variable that moves it when there is one. */
export function portInUse(port: number, service: string, variable?: string): Error {
  const fix = variable ? `stop what uses it or set ${variable} to another port (0 picks a free one).` : 'stop what uses it or choose another port.';
  return new Error(`Port ${port} for ${service} is already in use: ${fix}`);
}

/** Listens on 127.0.0.1 only; a port in use becomes a message that names the service and the variable to change. */
export function listen(server: Server, port: number, service: string, variable?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        error.code === 'EADDRINUSE' ? portInUse(port, service, variable) : error,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/** A port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await listen(probe, 0, 'a free port');
  const { port } = probe.address() as AddressInfo;
  await closeServer(probe);
  return port;
}
