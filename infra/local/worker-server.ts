import { Worker } from 'node:worker_threads';
import { portInUse, type RunningServer } from './listen.ts';

export interface WorkerServerOptions {
  /** CommonJS source of the worker: posts `{ port }` once listening or `{ error }`, and stops on the message `'stop'`. */
  readonly source: string;
  readonly workerData: unknown;
  readonly port: number;
  /** The service, as port-in-use messages name it. */
  readonly service: string;
  readonly portVariable?: string | undefined;
  /** Other messages the worker posts while it runs. */
  readonly onMessage?: (message: Record<string, unknown>) => void;
}

export interface WorkerServer extends RunningServer {
  /** Posts a message to the worker (anything but `'stop'`, which stops it). */
  post(message: Record<string, unknown>): void;
}

/** Runs a server in a worker thread on 127.0.0.1 and resolves once it listens; a port in use names the variable. */
export async function startWorkerServer(options: WorkerServerOptions): Promise<WorkerServer> {
  const worker = new Worker(options.source, { eval: true, workerData: options.workerData });
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const actual = await new Promise<number>((resolve, reject) => {
    worker.on('message', (message: { port?: number; error?: string } & Record<string, unknown>) => {
      if (message.port !== undefined) return resolve(message.port);
      if (message.error === undefined) return options.onMessage?.(message);
      void worker.terminate();
      reject(
        message.error === 'EADDRINUSE'
          ? portInUse(options.port, options.service, options.portVariable)
          : new Error(`${options.service} did not start: ${message.error}`),
      );
    });
    worker.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    post: (message) => worker.postMessage(message),
    stop: async () => {
      worker.postMessage('stop');
      await stopped;
    },
  };
}
