import { App, Duration, Errors, Fn, RemovalPolicy, Stack as CdkStack, Validations, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sns from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { EmailOtpAuth, type EmailOtpAuthProps } from '../../infra/cdk/email-otp-auth.ts';
import { PRODUCT_AUTH_FLOWS } from '../../infra/pool-settings.ts';
import { synth } from '../helpers/cdk.ts';

/** Code-only emails unless a test sets a link: most props have nothing to do with it. */
const base: EmailOtpAuthProps = { fromAddress: 'no-reply@example.com', signInLinkUrl: false };

function template(props: Partial<EmailOtpAuthProps> = {}, extra?: (stack: Stack) => Partial<EmailOtpAuthProps>): Template {
  const { template, nagFindings } = synth((stack) => {
    new EmailOtpAuth(stack, 'Otp', { ...base, ...props, ...(extra?.(stack) ?? {}) });
  });
  expect(nagFindings).toEqual([]);
  return template;
}

/** Environment of the function whose logical id starts with `prefix`. */
function environmentOf(t: Template, prefix: string): Record<string, unknown> {
  const functions = t.findResources('AWS::Lambda::Function');
  const [, fn] = Object.entries(functions).find(([id]) => id.startsWith(prefix)) ?? [];
  if (!fn) throw new Error(`no function ${prefix}`);
  return fn.Properties.Environment.Variables;
}

function policyStatementsOf(t: Template, rolePrefix: string): unknown[] {
  const policies = t.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref.startsWith(rolePrefix)))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

const tableArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpCodeTable'), 'Arn'] };
const logWrite = { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: Match.anyValue() };

describe('EmailOtpAuth with defaults', () => {
  const t = template();

  it('wires the three triggers into a new pool whose sign-in name is the email', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      LambdaConfig: {
        DefineAuthChallenge: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpDefineAuthChallenge'), 'Arn'] },
        CreateAuthChallenge: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpCreateAuthChallenge'), 'Arn'] },
        VerifyAuthChallengeResponse: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpVerifyAuthChallengeResponse'), 'Arn'] },
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    // The three triggers and the SES feedback function (not a trigger: the feedback topic invokes it).
    t.resourceCountIs('AWS::Lambda::Function', 4);
  });

  it('runs every trigger on nodejs22.x, ARM64, 256 MB, with Cognito\'s 5-second limit and source maps', () => {
    const functions = Object.values(t.findResources('AWS::Lambda::Function'));
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 256, Timeout: 5, Handler: 'index.handler' });
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/Logs/) });
    }
  });

  it('gives each function only the environment it reads', () => {
    expect(environmentOf(t, 'OtpDefineAuthChallenge')).toEqual({
      SIGN_IN_MODE: 'code',
      MAX_ATTEMPTS: '3',
      METRIC_NAMESPACE: 'EmailOtpAuth',
      POWERTOOLS_SERVICE_NAME: 'cognito-email-otp',
      NODE_OPTIONS: '--enable-source-maps',
    });
    const code = {
      TABLE_NAME: { Ref: expect.stringMatching(/^OtpCodeTable/) },
      SES_FROM_ADDRESS: 'no-reply@example.com',
      SIGN_IN_MODE: 'code',
      CODE_LENGTH: '6',
      CODE_TTL_SECONDS: '180',
      MAX_ATTEMPTS: '3',
      RESEND_INTERVAL_SECONDS: '60',
      MAX_SENDS_PER_HOUR: '5',
      MAX_GUESSES_PER_DAY: '100',
      MAX_EMAILS_PER_HOUR: '2000',
      CODE_KEY_SECRET_ID: { Ref: expect.stringMatching(/^OtpCodeKey/) },
      SES_CONFIGURATION_SET: { Ref: expect.stringMatching(/^OtpConfigurationSet/) },
      METRIC_NAMESPACE: 'EmailOtpAuth',
      POWERTOOLS_SERVICE_NAME: 'cognito-email-otp',
      NODE_OPTIONS: '--enable-source-maps',
    };
    expect(environmentOf(t, 'OtpCreateAuthChallenge')).toEqual(code);
    expect(environmentOf(t, 'OtpVerifyAuthChallengeResponse')).toEqual(code);
    expect(environmentOf(t, 'OtpSesFeedback')).toEqual({
      TABLE_NAME: { Ref: expect.stringMatching(/^OtpCodeTable/) },
      DELIVERY_BLOCK_DAYS: '14',
      METRIC_NAMESPACE: 'EmailOtpAuth',
      POWERTOOLS_SERVICE_NAME: 'cognito-email-otp',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('grants least privilege: exact actions on the table, the SES identity and the key secret, nothing on *', () => {
    const secretRead = {
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: { Ref: Match.stringLikeRegexp('^OtpCodeKey') },
    };
    expect(policyStatementsOf(t, 'OtpDefineAuthChallengeRole')).toEqual([expect.objectContaining({ Action: logWrite.Action })]);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^OtpCreateAuthChallengeRole') }],
      PolicyDocument: {
        Statement: Match.arrayEquals([
          logWrite,
          { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], Resource: tableArn },
          secretRead,
          {
            Effect: 'Allow',
            Action: 'ses:SendRawEmail',
            Resource: [
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:eu-west-1:123456789012:identity/example.com']] },
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:eu-west-1:123456789012:identity/no-reply@example.com']] },
              { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':configuration-set/$'), { Ref: Match.stringLikeRegexp('^OtpConfigurationSet') }])] },
            ],
            Condition: { StringEquals: { 'ses:FromAddress': 'no-reply@example.com' } },
          },
        ]),
      },
    });
    // The feedback function writes one attribute set on a user's item, and reads no key, no SES, nothing else.
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^OtpSesFeedbackRole') }],
      PolicyDocument: { Statement: Match.arrayEquals([logWrite, { Effect: 'Allow', Action: 'dynamodb:UpdateItem', Resource: tableArn }]) },
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^OtpVerifyAuthChallengeResponseRole') }],
      PolicyDocument: {
        Statement: Match.arrayEquals([
          logWrite,
          secretRead,
          { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], Resource: tableArn },
        ]),
      },
    });
    const documents = [
      ...Object.values(t.findResources('AWS::IAM::Policy')).map((p) => p.Properties.PolicyDocument),
      ...Object.values(t.findResources('AWS::IAM::Role')).flatMap((r) => (r.Properties.Policies ?? []).map((p: any) => p.PolicyDocument)),
    ];
    expect(JSON.stringify(documents)).not.toMatch(/"Resource":"\*"|"Action":"[a-z]+:\*"/);
    for (const role of Object.values(t.findResources('AWS::IAM::Role'))) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('creates the key secret: generated, in the shape the triggers read, readable by Create and Verify only', () => {
    t.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: {
        SecretStringTemplate: '{"current":"k1"}',
        GenerateStringKey: 'k1',
        PasswordLength: 64,
        ExcludePunctuation: true,
      },
    });
    const readers = Object.values(t.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('secretsmanager:'))
      .flatMap((p) => p.Properties.Roles.map((r: { Ref: string }) => r.Ref.replace(/[0-9A-F]{8}$/, '')));
    expect(readers.sort()).toEqual(['OtpCreateAuthChallengeRole', 'OtpVerifyAuthChallengeResponseRole']);
  });

  it('creates the code table on demand with TTL on `ttl`', () => {
    t.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });

  it('creates a client for CUSTOM_AUTH and refresh, without a secret, hiding user existence, with a 3-minute session', () => {
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      AuthSessionValidity: 3,
      EnableTokenRevocation: true,
      AllowedOAuthFlows: Match.absent(),
      CallbackURLs: Match.absent(),
      // One-hour ID and access tokens, 30-day refresh tokens.
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 43_200,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
  });

  it('keeps logs for a month', () => {
    t.resourceCountIs('AWS::Logs::LogGroup', 4);
    t.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    t.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
  });

  it('counts the sign-in figures from the EMF metrics the log lines carry: no metric filter, the namespace in every function', () => {
    t.resourceCountIs('AWS::Logs::MetricFilter', 0);
    for (const fn of Object.values(t.findResources('AWS::Lambda::Function'))) expect(fn.Properties.Environment.Variables.METRIC_NAMESPACE).toBe('EmailOtpAuth');
    const used = JSON.stringify(Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.Metrics ?? a.Properties));
    for (const name of ['ThrownRefusals', 'ThrottledSends', 'StoreFailures', 'SendFailures', 'BouncesRecorded', 'ComplaintsRecorded', 'CodesMailed', 'CodesIssued', 'CeilingRefusals']) {
      expect(used, name).toContain(`"MetricName":"${name}"`);
    }
    expect(used).toContain('"Namespace":"EmailOtpAuth"');
  });

  it('alarms on bounce and complaint rates well below SES review levels, over a day, with a minimum volume; and on the ceiling', () => {
    const alarmWith = (pattern: RegExp) => Object.values(t.findResources('AWS::CloudWatch::Alarm')).find((a) => pattern.test(a.Properties.AlarmDescription))!.Properties;
    const bounces = alarmWith(/bounced for good/);
    expect(bounces.Threshold).toBe(2);
    expect(bounces.Metrics.find((m: any) => m.Expression).Expression).toBe('IF(FILL(mailed, 0) >= 100, 100 * FILL(reported, 0) / mailed, 0)');
    expect(bounces.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Period)).toEqual([86_400, 86_400]);
    expect(alarmWith(/reported as spam/).Threshold).toBe(0.05);
    const near = alarmWith(/80 % of the pool-wide ceiling/);
    expect(near.Threshold).toBe(1600);
    expect(near.Metrics[0].MetricStat).toMatchObject({ Metric: { MetricName: 'CodesIssued', Namespace: 'EmailOtpAuth' }, Period: 3600, Stat: 'Sum' });
    const reached = alarmWith(/ceiling of emails per hour was reached/);
    expect(reached.Threshold).toBe(1);
    expect(reached.Metrics[0].MetricStat.Metric.MetricName).toBe('CeilingRefusals');
  });

  it('alarms on faults, not on refusals: Lambda errors less the refusals told by throwing', () => {
    const faults = Object.values(t.findResources('AWS::CloudWatch::Alarm')).find((a) => /trigger failed for a reason other than a refusal/.test(a.Properties.AlarmDescription));
    expect(faults).toBeDefined();
    const metrics = faults!.Properties.Metrics as Array<{ Id: string; Expression?: string; MetricStat?: { Metric: { MetricName: string; Namespace: string } } }>;
    const expression = metrics.find((m) => m.Expression)!.Expression!;
    // The SES feedback function's errors count too: a report it could not record is a fault (SNS retries it).
    expect(expression).toBe('FILL(e0, 0) + FILL(e1, 0) + FILL(e2, 0) + FILL(e3, 0) - FILL(refusals, 0)');
    expect(metrics.filter((m) => m.MetricStat?.Metric.MetricName === 'Errors').map((m) => m.Id)).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(metrics.find((m) => m.Id === 'refusals')!.MetricStat!.Metric).toMatchObject({ Namespace: 'EmailOtpAuth', MetricName: 'ThrownRefusals' });
    expect(faults!.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    // No alarm counts Lambda errors alone: each send or answer pacing refusal is one.
    for (const alarm of Object.values(t.findResources('AWS::CloudWatch::Alarm'))) expect(alarm.Properties.MetricName).not.toBe('Errors');
  });

  it('every alarm notifies the alarm topic, when it fires and when it clears', () => {
    // The alarm topic, and the configuration set's feedback topic.
    t.resourceCountIs('AWS::SNS::Topic', 2);
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.AlarmDescription.split(':')[0])).toHaveLength(11);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^OtpAlarmTopic/) }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: expect.stringMatching(/^OtpAlarmTopic/) }]);
    }
  });

  it('watches durations near Cognito\'s 5 seconds, throttles, DynamoDB and SES failures, and many throttled sends', () => {
    const alarmWith = (pattern: RegExp) => Object.values(t.findResources('AWS::CloudWatch::Alarm')).find((a) => pattern.test(a.Properties.AlarmDescription))!.Properties;
    const slow = alarmWith(/took 4 seconds or more/);
    expect(slow.Threshold).toBe(4000);
    expect(slow.Metrics.find((m: { Expression?: string }) => m.Expression).Expression).toBe('MAX([d0, d1, d2, d3])');
    expect(slow.Metrics.filter((m: any) => m.MetricStat?.Metric.MetricName === 'Duration').map((m: any) => m.MetricStat.Stat)).toEqual(['Maximum', 'Maximum', 'Maximum', 'Maximum']);
    const throttled = alarmWith(/Lambda throttled a trigger/);
    expect(throttled.Metrics.filter((m: any) => m.MetricStat?.Metric.MetricName === 'Throttles')).toHaveLength(4);
    const table = alarmWith(/DynamoDB throttled the code table/);
    expect(table.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric)).toEqual([
      { Namespace: 'AWS/DynamoDB', MetricName: 'ReadThrottleEvents', Dimensions: [{ Name: 'TableName', Value: { Ref: expect.stringMatching(/^OtpCodeTable/) } }] },
      { Namespace: 'AWS/DynamoDB', MetricName: 'WriteThrottleEvents', Dimensions: [{ Name: 'TableName', Value: { Ref: expect.stringMatching(/^OtpCodeTable/) } }] },
    ]);
    const onLines = (alarm: Record<string, any>) => ({ threshold: alarm.Threshold, metric: alarm.Metrics[0].MetricStat.Metric, stat: alarm.Metrics[0].MetricStat.Stat });
    expect(onLines(alarmWith(/could not read or write the code table/))).toEqual({ threshold: 1, stat: 'Sum', metric: { Namespace: 'EmailOtpAuth', MetricName: 'StoreFailures' } });
    expect(onLines(alarmWith(/SES did not accept a code email/))).toEqual({ threshold: 1, stat: 'Sum', metric: { Namespace: 'EmailOtpAuth', MetricName: 'SendFailures' } });
    expect(onLines(alarmWith(/per-user email limit/))).toEqual({ threshold: 50, stat: 'Sum', metric: { Namespace: 'EmailOtpAuth', MetricName: 'ThrottledSends' } });
  });

  it('has a dashboard of the sign-in figures', () => {
    const [dashboard] = Object.values(t.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const metric of ['CodesMailed', 'CodesReused', 'ThrottledSends', 'PacedAnswers', 'AnswersRight', 'AnswersWrong', 'LinkSignIns', 'StoreFailures', 'SendFailures']) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
    for (const title of ['Codes', 'Refused', 'Answers', 'Faults', 'Limits']) expect(body).toContain(`\\"title\\":\\"${title}`);
  });
});

describe('every prop changes the template as documented', () => {
  const createEnv = (t: Template) => environmentOf(t, 'OtpCreateAuthChallenge');

  it.each<[string, Partial<EmailOtpAuthProps>, Record<string, string>]>([
    ['codeLength', { codeLength: 8 }, { CODE_LENGTH: '8' }],
    ['codeTtl', { codeTtl: Duration.minutes(10) }, { CODE_TTL_SECONDS: '600' }],
    ['maxAttempts', { maxAttempts: 5 }, { MAX_ATTEMPTS: '5' }],
    ['resendInterval', { resendInterval: Duration.minutes(2) }, { RESEND_INTERVAL_SECONDS: '120' }],
    ['maxSendsPerHour', { maxSendsPerHour: 10 }, { MAX_SENDS_PER_HOUR: '10' }],
    ['appName', { appName: 'Acme' }, { APP_NAME: 'Acme' }],
    ['emailSubject', { emailSubject: 'Code for {{appName}}' }, { EMAIL_SUBJECT: 'Code for {{appName}}' }],
    ['fromAddress', { fromAddress: 'Acme <login@acme.example>' }, { SES_FROM_ADDRESS: 'Acme <login@acme.example>' }],
    ['emailTextTemplate', { emailTextTemplate: 'Code: {{code}}' }, { EMAIL_TEXT_TEMPLATE: 'Code: {{code}}' }],
    ['emailHtmlTemplate', { emailHtmlTemplate: '<b>{{code}}</b>' }, { EMAIL_HTML_TEMPLATE: '<b>{{code}}</b>' }],
    ['emailDefaultLanguage', { emailDefaultLanguage: 'de' }, { EMAIL_DEFAULT_LANGUAGE: 'de' }],
    ['emailTemplates', { emailTemplates: { fr: { subject: 'Code {{appName}}' } } }, { EMAIL_TEMPLATES: '{"fr":{"subject":"Code {{appName}}"}}' }],
  ])('%s sets the trigger environment', (_prop, props, expected) => {
    expect(createEnv(template(props))).toMatchObject(expected);
  });

  it('Verify gets the same settings as Create but no email templates, which only Create reads', () => {
    const t = template({ appName: 'Acme', emailSubject: 'Code for {{appName}}', emailDefaultLanguage: 'de', emailTemplates: { fr: { subject: 'Code {{appName}}' } } });
    const create = createEnv(t);
    const verify = environmentOf(t, 'OtpVerifyAuthChallengeResponse');
    const templateVariables = ['EMAIL_SUBJECT', 'EMAIL_DEFAULT_LANGUAGE', 'EMAIL_TEMPLATES'];
    for (const name of templateVariables) expect(create).toHaveProperty(name);
    expect(Object.keys(verify).filter((name) => name.startsWith('EMAIL_'))).toEqual([]);
    expect(Object.fromEntries(Object.entries(create).filter(([name]) => !templateVariables.includes(name)))).toEqual(verify);
  });

  it('maxAttempts also bounds the rounds Define allows', () => {
    expect(environmentOf(template({ maxAttempts: 5 }), 'OtpDefineAuthChallenge')).toMatchObject({ MAX_ATTEMPTS: '5' });
  });

  it('signInMode password-and-code reaches Define; the client still allows only CUSTOM_AUTH and refresh (SRP runs inside the custom flow)', () => {
    const t = template({ signInMode: 'password-and-code' });
    expect(environmentOf(t, 'OtpDefineAuthChallenge')).toMatchObject({ SIGN_IN_MODE: 'password-and-code' });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: [...PRODUCT_AUTH_FLOWS] });
  });

  it("createEmailIdentity 'domain' creates a DKIM domain identity; with hostedZone it publishes the records", () => {
    template({ createEmailIdentity: 'domain' }).hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.com' });
    const withZone = template({ createEmailIdentity: 'domain' }, (stack) => ({
      hostedZone: route53.PublicHostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z123', zoneName: 'example.com' }),
    }));
    withZone.resourceCountIs('AWS::Route53::RecordSet', 3);
  });

  it("createEmailIdentity 'address' creates an address identity", () => {
    template({ createEmailIdentity: 'address' }).hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'no-reply@example.com' });
  });

  it('createConfigurationSet sends through a new configuration set, allowed in IAM', () => {
    const t = template({ createConfigurationSet: true });
    t.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    expect(createEnv(t)).toMatchObject({ SES_CONFIGURATION_SET: { Ref: expect.stringMatching(/^OtpConfigurationSet/) } });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ses:SendRawEmail',
            Resource: Match.arrayWith([
              { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':configuration-set/$'), { Ref: Match.stringLikeRegexp('^OtpConfigurationSet') }])] },
            ]),
          }),
        ]),
      },
    });
  });

  it('table uses an existing table instead of creating one', () => {
    const t = template({}, (stack) => ({
      table: dynamodb.TableV2.fromTableName(stack, 'Existing', 'my-codes'),
    }));
    t.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    expect(createEnv(t)).toMatchObject({ TABLE_NAME: 'my-codes' });
    expect(JSON.stringify(t.findResources('AWS::IAM::Policy'))).toContain(':table/my-codes');
  });

  it('autoConfirmSignUp adds the pre sign-up trigger; selfSignUp opens sign-up', () => {
    const t = template({ autoConfirmSignUp: true, selfSignUp: true });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({ PreSignUp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpPreSignUp'), 'Arn'] } }),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
  });

  it('markEmailVerified adds the post authentication trigger allowed to update only this pool', () => {
    const t = template({ markEmailVerified: true });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({ PostAuthentication: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpPostAuthentication'), 'Arn'] } }),
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'cognito-idp:AdminUpdateUserAttributes', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpUserPool'), 'Arn'] } }],
      },
    });
  });

  it('functions holds the functions made, and only those', () => {
    const made = (props: Partial<EmailOtpAuthProps>) => {
      let names: string[] = [];
      synth((stack) => {
        names = Object.keys(new EmailOtpAuth(stack, 'Otp', { ...base, ...props }).functions);
      });
      return names;
    };
    const triggers = ['defineAuthChallenge', 'createAuthChallenge', 'verifyAuthChallengeResponse'];
    expect(made({})).toEqual([...triggers, 'sesFeedback']);
    expect(made({ deliveryFeedback: false })).toEqual(triggers);
    expect(made({ autoConfirmSignUp: true, markEmailVerified: true })).toEqual([...triggers, 'preSignUp', 'postAuthentication', 'sesFeedback']);
  });

  it('authSessionValidity and createUserPoolClient shape the client', () => {
    template({ authSessionValidity: Duration.minutes(10) }).hasResourceProperties('AWS::Cognito::UserPoolClient', { AuthSessionValidity: 10 });
    template({ createUserPoolClient: false }).resourceCountIs('AWS::Cognito::UserPoolClient', 0);
  });

  it('wafRateLimitPer5Minutes associates a web ACL limiting sign-in calls per IP', () => {
    const t = template({ wafRateLimitPer5Minutes: 300 });
    // The operation is the exact X-Amz-Target header; everything else passes (the ACL sits in front of the whole pool).
    const operation = (name: string) => ({
      ByteMatchStatement: {
        FieldToMatch: { SingleHeader: { Name: 'x-amz-target' } },
        PositionalConstraint: 'EXACTLY',
        SearchString: `AWSCognitoIdentityProviderService.${name}`,
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      },
    });
    t.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({
              Limit: 300,
              AggregateKeyType: 'IP',
              ScopeDownStatement: { OrStatement: { Statements: [operation('InitiateAuth'), operation('RespondToAuthChallenge')] } },
            }),
          },
        }),
      ],
    });
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OtpUserPool'), 'Arn'] } });
  });

  it('monitoring (logRetention, metricNamespace, throttledSendsAlarmThreshold) and removalPolicy', () => {
    const t = template({
      monitoring: { logRetention: logs.RetentionDays.ONE_WEEK, metricNamespace: 'Acme/SignIn', throttledSendsAlarmThreshold: 7 },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    t.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 7,
      Metrics: [Match.objectLike({ MetricStat: Match.objectLike({ Metric: { Namespace: 'Acme/SignIn', MetricName: 'ThrottledSends' } }) })],
    });
    t.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    t.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });

  it('the monitoring settings keep working under their former top-level names, with a warning; both ways at once fail', () => {
    const synthesized = (props: Partial<EmailOtpAuthProps>) => {
      const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
      const stack = new CdkStack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
      new EmailOtpAuth(stack, 'Otp', { ...base, ...props });
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('is deprecated: set monitoring\\.'));
      return { template: JSON.stringify(app.synth().getStackByName('Test').template), warnings: warnings.length };
    };
    const settings = { logRetention: logs.RetentionDays.ONE_WEEK, metricNamespace: 'Acme/SignIn', throttledSendsAlarmThreshold: 7 };
    const grouped = synthesized({ monitoring: settings });
    const former = synthesized(settings);
    expect(former.template).toEqual(grouped.template);
    expect(grouped.warnings).toBe(0);
    expect(former.warnings).toBe(3);
    expect(() => synthesized({ metricNamespace: 'A', monitoring: { metricNamespace: 'B' } })).toThrow(
      /EmailOtpAuth: metricNamespace and monitoring.metricNamespace are both set: set monitoring.metricNamespace only/,
    );
    expect(() => synthesized({ monitoring: { metricNamespace: 'AWS/Lambda' } })).toThrow(/EmailOtpAuth: monitoring.metricNamespace must be a CloudWatch namespace/);
    expect(() => synthesized({ metricNamespace: 'AWS/Lambda' })).toThrow(/EmailOtpAuth: metricNamespace must be a CloudWatch namespace/);
  });

  it('userPool: a pool of the app gets the triggers; no second pool is created', () => {
    const t = template({}, (stack) => {
      const userPool = new cognito.UserPool(stack, 'Mine', { signInAliases: { email: true } });
      for (const id of ['COG1', 'COG2', 'COG8']) {
        Validations.of(userPool).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason: "The test's own pool, not the construct's." });
      }
      return { userPool };
    });
    t.resourceCountIs('AWS::Cognito::UserPool', 1);
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({ DefineAuthChallenge: Match.anyValue() }),
    });
  });

  it('userPool: an imported pool gets invoke permissions scoped to it', () => {
    // Without delivery feedback: its topic's own invoke permission is not the pool's.
    const t = template({ deliveryFeedback: false }, (stack) => ({ userPool: cognito.UserPool.fromUserPoolId(stack, 'Imported', 'eu-west-1_Abc123') }));
    t.resourceCountIs('AWS::Cognito::UserPool', 0);
    t.resourceCountIs('AWS::Lambda::Permission', 3);
    t.allResourcesProperties('AWS::Lambda::Permission', {
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':userpool/eu-west-1_Abc123$')])] }),
    });
  });
});

describe('invalid props fail at synth time with a message naming the prop', () => {
  it.each<[Partial<EmailOtpAuthProps>, RegExp]>([
    [{ codeLength: 5 }, /EmailOtpAuth: codeLength must be a whole number from 6 to 10/],
    [{ codeTtl: Duration.minutes(16) }, /EmailOtpAuth: codeTtl must be a whole number from 1 to 900/],
    [{ maxAttempts: 11 }, /EmailOtpAuth: maxAttempts must be/],
    [{ resendInterval: Duration.seconds(2) }, /EmailOtpAuth: resendInterval must be/],
    [{ maxSendsPerHour: 0 }, /EmailOtpAuth: maxSendsPerHour must be/],
    [{ fromAddress: 'nobody' }, /EmailOtpAuth: fromAddress must be an email address/],
    [{ signInMode: 'sms' as never }, /EmailOtpAuth: signInMode must be "code" or "password-and-code"/],
    [{ authSessionValidity: Duration.minutes(20) }, /EmailOtpAuth: authSessionValidity must be from 3 to 15 minutes/],
    [{ wafRateLimitPer5Minutes: 5 }, /EmailOtpAuth: wafRateLimitPer5Minutes must be a whole number of at least 10/],
    [{ emailTextTemplate: 'no code here' }, /EmailOtpAuth: emailTextTemplate must contain \{\{code\}\}/],
    [{ signInLinkUrl: 'http://app.example.com/' }, /EmailOtpAuth: signInLinkUrl must be https/],
    [{ signInLinkUrl: 'https://app.example.com/', signInMode: 'password-and-code' }, /EmailOtpAuth: signInLinkUrl works only with SIGN_IN_MODE=code/],
    [{ signInLinkUrl: 'https://app.example.com/', emailTextTemplate: 'Code {{code}}' }, /EmailOtpAuth: emailTextTemplate must contain \{\{link\}\}/],
    [{ emailTemplates: { de: { text: 'Ohne Code' } } }, /EmailOtpAuth: emailTemplates de\.text must contain \{\{code\}\} \(EMAIL_TEMPLATES\)/],
    [{ emailDefaultLanguage: 'nl' }, /EmailOtpAuth: emailDefaultLanguage must be a language with templates/],
    [{ emailTemplates: { de: { html: `<p>{{code}}</p>${'x'.repeat(3100)}` } } }, /EmailOtpAuth: emailSubject, emailTextTemplate, emailHtmlTemplate and emailTemplates take \d+ bytes/],
    [{ emailHtmlTemplate: `<p>{{code}}</p>${'x'.repeat(4000)}` }, /EmailOtpAuth: emailSubject, emailTextTemplate, emailHtmlTemplate and emailTemplates take \d+ bytes/],
  ])('%o', (props, message) => {
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, ...props }))).toThrow(message);
  });
});

describe('EmailOtpAuth sign-in links', () => {
  it('signInLinkUrl reaches Create and Verify; with false no function gets one', () => {
    const linked = template({ signInLinkUrl: 'https://app.example.com/sign-in' });
    for (const fn of ['OtpCreateAuthChallenge', 'OtpVerifyAuthChallengeResponse']) {
      expect(environmentOf(linked, fn).SIGN_IN_LINK_URL).toBe('https://app.example.com/sign-in');
    }
    expect(environmentOf(linked, 'OtpDefineAuthChallenge').SIGN_IN_LINK_URL).toBeUndefined();
    expect(environmentOf(template({ signInLinkUrl: false }), 'OtpCreateAuthChallenge').SIGN_IN_LINK_URL).toBeUndefined();
  });

  it('in code mode the choice must be made: synthesis fails without a link (prop or useSignInLink) or an explicit false', () => {
    const { signInLinkUrl: _left, ...noChoice } = base;
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', noChoice))).toThrow(/EmailOtpAuth: set signInLinkUrl to your sign-in page/);
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...noChoice, signInMode: 'password-and-code' }))).not.toThrow();
  });

  it('warns at synthesis when code mode is told to mail no link, and not once a link is set (prop or later)', () => {
    const warningsOf = (build: (stack: Stack) => void) => {
      const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
      const stack = new CdkStack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
      build(stack);
      return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('signInLinkUrl is false'));
    };
    expect(warningsOf((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, signInLinkUrl: false }))).toHaveLength(1);
    expect(warningsOf((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, signInLinkUrl: 'https://app.example.com/' }))).toHaveLength(0);
    expect(warningsOf((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, signInLinkUrl: undefined }).useSignInLink('https://app.example.com/'))).toHaveLength(0);
    expect(warningsOf((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, signInMode: 'password-and-code', signInLinkUrl: false }))).toHaveLength(0);
  });

  it('useSignInLink takes a page address known only later, such as a token, and checks it like the prop', () => {
    const { template: t } = synth((stack) => {
      const auth = new EmailOtpAuth(stack, 'Otp', { ...base, signInLinkUrl: undefined });
      auth.useSignInLink(`https://${Fn.importValue('PageDomain')}/`);
    });
    expect(JSON.stringify(environmentOf(t, 'OtpCreateAuthChallenge').SIGN_IN_LINK_URL)).toContain('Fn::');
    const later = synth((stack) => {
      const auth = new EmailOtpAuth(stack, 'Otp', { ...base, signInLinkUrl: undefined });
      auth.useSignInLink('https://app.example.com/');
      expect(auth.config.signInLinkUrl).toBe('https://app.example.com/');
    });
    expect(environmentOf(later.template, 'OtpCreateAuthChallenge').SIGN_IN_LINK_URL).toBe('https://app.example.com/');
    // Create and Verify get the same configuration, as with the prop; Define reads no link.
    expect(environmentOf(t, 'OtpVerifyAuthChallengeResponse').SIGN_IN_LINK_URL).toEqual(environmentOf(t, 'OtpCreateAuthChallenge').SIGN_IN_LINK_URL);
    expect(environmentOf(t, 'OtpDefineAuthChallenge').SIGN_IN_LINK_URL).toBeUndefined();
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, signInLinkUrl: undefined, signInMode: 'password-and-code' }).useSignInLink('https://a.example/'))).toThrow(
      /signInLinkUrl works only with SIGN_IN_MODE=code/,
    );
  });
});

describe('EmailOtpAuth feature plan', () => {
  it('creates its pool on Lite, where custom auth triggers work at the lowest price per user', () => {
    template().hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'LITE' });
  });

  it('creates its pool on the plan asked for', () => {
    template({ featurePlan: cognito.FeaturePlan.ESSENTIALS }).hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
  });
});

describe('no sign-in without the code in two-step mode: every app client of the pool is checked at synthesis', () => {
  const twoStep: EmailOtpAuthProps = { ...base, signInMode: 'password-and-code' };
  const ownPool = (stack: Stack) => {
    const userPool = new cognito.UserPool(stack, 'Mine', { signInAliases: { email: true }, signInCaseSensitive: false });
    for (const id of ['COG1', 'COG2', 'COG8']) Validations.of(userPool).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason: "The test's own pool." });
    return userPool;
  };

  it('the construct\'s own client passes in both modes', () => {
    expect(() => template({ signInMode: 'password-and-code' })).not.toThrow();
    expect(() => template({ signInMode: 'code' })).not.toThrow();
  });

  it.each<[string, (pool: cognito.IUserPool, stack: Stack) => void, RegExp]>([
    ['a client the user adds with SRP', (pool) => pool.addClient('WebClient', { authFlows: { userSrp: true, custom: true } }), /app client Test\/Mine\/WebClient allows ALLOW_USER_SRP_AUTH/],
    ['a client with USER_PASSWORD_AUTH', (pool) => pool.addClient('PasswordClient', { authFlows: { userPassword: true } }), /app client Test\/Mine\/PasswordClient allows ALLOW_USER_PASSWORD_AUTH/],
    ['a client with ADMIN_USER_PASSWORD_AUTH', (pool) => pool.addClient('AdminClient', { authFlows: { adminUserPassword: true, custom: true } }), /app client Test\/Mine\/AdminClient allows ALLOW_ADMIN_USER_PASSWORD_AUTH/],
    ['a client with the choice-based USER_AUTH', (pool) => pool.addClient('ChoiceClient', { authFlows: { user: true, custom: true } }), /app client Test\/Mine\/ChoiceClient allows ALLOW_USER_AUTH/],
    [
      'a client with no explicit flows at all (as Amplify Gen 2 and the API default)',
      (pool, stack) => new cognito.CfnUserPoolClient(stack, 'BareClient', { userPoolId: pool.userPoolId }),
      /app client Test\/BareClient allows no ExplicitAuthFlows \(which allows ALLOW_USER_SRP_AUTH\)/,
    ],
  ])('synthesis fails for %s, naming the client and the flow', (_name, addClient, message) => {
    expect(() =>
      synth((stack) => {
        const userPool = ownPool(stack);
        new EmailOtpAuth(stack, 'Otp', { ...twoStep, userPool });
        addClient(userPool, stack);
      }),
    ).toThrow(message);
  });

  it('a client of another pool, and a custom-only client of this one, are fine', () => {
    expect(() =>
      synth((stack) => {
        const userPool = ownPool(stack);
        new EmailOtpAuth(stack, 'Otp', { ...twoStep, userPool });
        userPool.addClient('CustomOnly', { authFlows: { custom: true } });
        const other = new cognito.UserPool(stack, 'Other', { signInCaseSensitive: false });
        for (const id of ['COG1', 'COG2', 'COG8']) Validations.of(other).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason: 'Another pool.' });
        other.addClient('OtherSrp', { authFlows: { userSrp: true } });
      }),
    ).not.toThrow();
  });

  it('in code mode such a client is a warning (people with a password could sign in without an email)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new CdkStack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
    const userPool = ownPool(stack);
    new EmailOtpAuth(stack, 'Otp', { ...base, userPool });
    userPool.addClient('WebClient', { authFlows: { userSrp: true, custom: true } });
    app.synth();
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('app client Test/Mine/WebClient allows ALLOW_USER_SRP_AUTH'))).toHaveLength(1);
  });
});

describe('letter case: people who type capitals are found', () => {
  const warningsFor = (userPoolOf: (stack: Stack) => cognito.IUserPool | undefined) => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new CdkStack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
    const userPool = userPoolOf(stack);
    new EmailOtpAuth(stack, 'Otp', { ...base, ...(userPool ? { userPool } : {}) });
    app.synth();
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('matches sign-in names case-sensitively'));
  };

  it('the pool the construct creates matches sign-in names case-insensitively', () => {
    template().hasResourceProperties('AWS::Cognito::UserPool', { UsernameConfiguration: { CaseSensitive: false } });
    expect(warningsFor(() => undefined)).toHaveLength(0);
  });

  it('warns when given a pool of the app that is case-sensitive (the CloudFormation default), not when it is not', () => {
    expect(warningsFor((stack) => new cognito.UserPool(stack, 'Mine', { signInAliases: { email: true } }))).toHaveLength(1);
    expect(warningsFor((stack) => new cognito.UserPool(stack, 'Mine', { signInAliases: { email: true }, signInCaseSensitive: true }))).toHaveLength(1);
    expect(warningsFor((stack) => new cognito.UserPool(stack, 'Mine', { signInAliases: { email: true }, signInCaseSensitive: false }))).toHaveLength(0);
  });
});

describe('alarm topic and SES region', () => {
  it('monitoring.alarmTopic: every alarm notifies the topic given, and no topic is made', () => {
    const t = template({}, (stack) => ({ monitoring: { alarmTopic: sns.Topic.fromTopicArn(stack, 'Pager', 'arn:aws:sns:eu-west-1:123456789012:pager') } }));
    // Only the feedback topic: no alarm topic is made.
    expect(Object.keys(t.findResources('AWS::SNS::Topic'))).toEqual([expect.stringMatching(/^OtpDeliveryFeedbackTopic/)]);
    for (const alarm of Object.values(t.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:123456789012:pager']);
    }
  });

  it('sesRegion: Create calls SES there and may send only through identities there', () => {
    const t = template({ sesRegion: 'eu-central-1' });
    expect(environmentOf(t, 'OtpCreateAuthChallenge')).toMatchObject({ SES_REGION: 'eu-central-1' });
    const send = policyStatementsOf(t, 'OtpCreateAuthChallengeRole').find((s: any) => s.Action === 'ses:SendRawEmail') as { Resource: unknown[] };
    expect(JSON.stringify(send.Resource)).toContain(':ses:eu-central-1:123456789012:identity/example.com');
    expect(JSON.stringify(send.Resource)).not.toContain('eu-west-1');
  });

  it('sesRegion elsewhere cannot be combined with resources the stack would make in its own region', () => {
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, sesRegion: 'eu-central-1', createEmailIdentity: 'domain' }))).toThrow(
      /EmailOtpAuth: createEmailIdentity makes its resource in the stack's region \(eu-west-1\), not in sesRegion eu-central-1/,
    );
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, sesRegion: 'moon-1' }))).toThrow(/EmailOtpAuth: sesRegion must be an AWS region/);
  });
});

describe('invalid props are aws-cdk-lib ValidationErrors that carry the construct path', () => {
  it('as aws-cdk-lib\'s own constructs report them', () => {
    let caught: unknown;
    try {
      synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, codeLength: 5 }));
    } catch (error) {
      caught = error;
    }
    expect(Errors.isValidationError(caught)).toBe(true);
    expect(caught).toMatchObject({ message: expect.stringMatching(/^EmailOtpAuth: codeLength must be/), constructPath: 'Test/Otp' });
  });
});

describe('mailFromDomain: a custom MAIL FROM on the identity the construct creates', () => {
  const zone = (stack: Stack) => ({ hostedZone: route53.PublicHostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z123', zoneName: 'example.com' }) });

  it("sets the identity's MailFromAttributes (behaviour on MX failure: SES's own MAIL FROM)", () => {
    template({ createEmailIdentity: 'domain', mailFromDomain: 'mail.example.com' }).hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.com',
      MailFromAttributes: { MailFromDomain: 'mail.example.com', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
    });
    template({ createEmailIdentity: 'domain' }).hasResourceProperties('AWS::SES::EmailIdentity', { MailFromAttributes: Match.absent() });
  });

  it('with hostedZone it publishes the MAIL FROM MX and SPF records besides the DKIM ones', () => {
    const t = template({ createEmailIdentity: 'domain', mailFromDomain: 'mail.example.com' }, zone);
    t.resourceCountIs('AWS::Route53::RecordSet', 5);
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'mail.example.com.', Type: 'MX', ResourceRecords: [Match.stringLikeRegexp('^10 feedback-smtp\\.')] });
    t.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'mail.example.com.', Type: 'TXT', ResourceRecords: ['"v=spf1 include:amazonses.com ~all"'] });
  });

  it.each<[Partial<EmailOtpAuthProps>, RegExp]>([
    [{ mailFromDomain: 'mail.example.com' }, /EmailOtpAuth: mailFromDomain is set on the identity this construct creates: set createEmailIdentity too/],
    [{ createEmailIdentity: 'domain', mailFromDomain: 'mail.other.org' }, /EmailOtpAuth: mailFromDomain must be a subdomain of the sender's domain example\.com, got "mail\.other\.org"/],
    [{ createEmailIdentity: 'domain', mailFromDomain: 'example.com' }, /EmailOtpAuth: mailFromDomain must be a subdomain of the sender's domain example\.com/],
    [{ createEmailIdentity: 'domain', mailFromDomain: 'mailexample.com' }, /EmailOtpAuth: mailFromDomain must be a subdomain of the sender's domain example\.com/],
  ])('refuses %o', (props, message) => {
    expect(() => synth((stack) => new EmailOtpAuth(stack, 'Otp', { ...base, ...props }))).toThrow(message);
  });
});
