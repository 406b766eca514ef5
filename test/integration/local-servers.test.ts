import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startDynamo } from '../../infra/local/dynamodb.ts';
import { startSes } from '../../infra/local/ses.ts';

/** A port something else already listens on. */
async function takenPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the local DynamoDB and SES servers (worker threads) on a port in use', () => {
  it.each([
    ['DynamoDB', (port: number) => startDynamo({ port, portVariable: 'DYNAMODB_PORT' }), 'DYNAMODB_PORT'],
    ['the SES mailbox', (port: number) => startSes(port, 'SES_PORT'), 'SES_PORT'],
  ])('%s says which port and which variable, and a free port then works', async (service, start, variable) => {
    const taken = await takenPort();
    try {
      await expect(start(taken.port)).rejects.toThrow(`Port ${taken.port} for ${service} is already in use: stop what uses it or set ${variable} to another port`);
    } finally {
      await taken.release();
    }
    const server = await start(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await server.stop();
  });
});
