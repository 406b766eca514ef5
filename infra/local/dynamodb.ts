import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { createRequire } from 'node:module';
import { TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE } from '../../triggers/contracts/table-item.ts';
import type { RunningServer } from './listen.ts';
import { startWorkerServer } from './worker-server.ts';

export interface LocalDynamoOptions {
  readonly port: number;
  /** Folder for a persistent database; in memory when undefined. */
  readonly path?: string | undefined;
  /** Named in the message when the port is in use. */
  readonly portVariable?: string;
}

/** dynalite's server, run by a worker thread (plain CommonJS, so it needs no TypeScript loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const server = require(workerData.dynalite)(workerData.options);
server.once('error', (error) => parentPort.postMessage({ error: error.code || error.message }));
server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
`;

/**
 * Starts dynalite on 127.0.0.1 in a worker thread: emulating DynamoDB is the largest share of the local
 * stack's CPU after the SDK itself, and on its own thread it runs beside the endpoint and the triggers.
 */
export async function startDynamo({ port, path, portVariable }: LocalDynamoOptions): Promise<RunningServer> {
  return startWorkerServer({
    source: WORKER_SOURCE,
    workerData: {
      dynalite: createRequire(import.meta.url).resolve('dynalite'),
      options: { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) },
      port,
    },
    port,
    service: 'DynamoDB',
    portVariable,
  });
}

/** Creates the code table as the CDK construct does (on-demand, partition key `pk`, TTL on `ttl`); idempotent. */
export async function createCodeTable(endpoint: string, tableName: string, region = 'us-east-1'): Promise<void> {
  const db = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await db.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: TABLE_PARTITION_KEY, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: TABLE_PARTITION_KEY, KeyType: 'HASH' }],
      }),
    );
    await db
      .send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE_TTL_ATTRIBUTE, Enabled: true },
        }),
      )
      .catch(() => undefined); // dynalite does not implement TTL; expiry never relies on it anyway.
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
  } finally {
    db.destroy();
  }
}
