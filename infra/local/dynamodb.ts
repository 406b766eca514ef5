import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import dynalite from 'dynalite';
import { TABLE_PARTITION_KEY, TABLE_TTL_ATTRIBUTE } from '../../triggers/code-store.ts';
import { listen, closeServer, type RunningServer } from './listen.ts';

export interface LocalDynamoOptions {
  readonly port: number;
  /** Folder for a persistent database; in memory when undefined. */
  readonly path?: string | undefined;
  /** Named in the message when the port is in use. */
  readonly portVariable?: string;
}

/** Starts dynalite on 127.0.0.1. */
export async function startDynamo({ port, path, portVariable }: LocalDynamoOptions): Promise<RunningServer> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) });
  await listen(server, port, 'DynamoDB', portVariable);
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}`, port: actual, stop: () => closeServer(server) };
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
