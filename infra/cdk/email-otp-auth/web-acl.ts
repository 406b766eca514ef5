// The optional WAF web ACL on the user pool: a per-IP rate limit on the sign-in calls.
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Blocks an IP after `limit` InitiateAuth and RespondToAuthChallenge calls in 5 minutes; everything else passes. */
export function createSignInWebAcl(scope: Construct, userPoolArn: string, limit: number): wafv2.CfnWebACL {
  const targetIs = (operation: string): wafv2.CfnWebACL.StatementProperty => ({
    byteMatchStatement: {
      fieldToMatch: { singleHeader: { Name: 'x-amz-target' } },
      positionalConstraint: 'EXACTLY',
      searchString: `AWSCognitoIdentityProviderService.${operation}`,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  });
  const webAcl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'EmailOtpAuthWebAcl', sampledRequestsEnabled: true },
    rules: [
      {
        name: 'SignInCallsPerIp',
        priority: 0,
        action: { block: {} },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'SignInCallsPerIp', sampledRequestsEnabled: true },
        statement: {
          rateBasedStatement: {
            limit,
            aggregateKeyType: 'IP',
            scopeDownStatement: { orStatement: { statements: [targetIs('InitiateAuth'), targetIs('RespondToAuthChallenge')] } },
          },
        },
      },
    ],
  });
  new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: userPoolArn, webAclArn: webAcl.attrArn });
  return webAcl;
}
