// App clients made with CreateUserPoolClient are kept in the data folder, as a pool keeps them; the stack's own is rebuilt from its settings.
import { CreateUserPoolClientCommand, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_AUTH_FLOWS } from '../../infra/pool-settings.ts';
import { startTestStack } from '../helpers/test-stack.ts';

describe('app clients made with CreateUserPoolClient outlive a restart', () => {
  it('a stack started again on the same data folder still knows the client and its flows', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'app-clients-'));
    try {
      const first = await startTestStack({}, { dataDir });
      let clientId: string;
      try {
        const created = await first.client.send(
          new CreateUserPoolClientCommand({ UserPoolId: first.info.userPoolId, ClientName: 'kept', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
        );
        clientId = created.UserPoolClient!.ClientId!;
      } finally {
        await first.stop();
      }
      const second = await startTestStack({}, { dataDir });
      try {
        const { UserPoolClient } = await second.client.send(new DescribeUserPoolClientCommand({ UserPoolId: second.info.userPoolId, ClientId: clientId }));
        expect(UserPoolClient!.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
        const own = await second.client.send(new DescribeUserPoolClientCommand({ UserPoolId: second.info.userPoolId, ClientId: second.info.userPoolClientId }));
        expect([...own.UserPoolClient!.ExplicitAuthFlows!].sort()).toEqual([...PRODUCT_AUTH_FLOWS].sort());
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
