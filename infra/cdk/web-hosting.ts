// The sign-in page on AWS: a private S3 bucket behind CloudFront that adds the page's security headers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  FRAME_OPTIONS,
  HSTS_INCLUDE_SUBDOMAINS,
  HSTS_MAX_AGE_SECONDS,
  REFERRER_POLICY,
  cognitoEndpointOf,
  pageContentSecurityPolicy,
} from '../web-security-headers.ts';

export interface WebHostingProps {
  /** The built page (`npm run build:web` writes `web/dist`). @default the repository's web/dist */
  readonly distDir?: string;
  /** Written next to the page as `config.json`, which the page reads at run time. */
  readonly runtimeConfig: Record<string, string>;
  /**
   * Origins the page may call besides its own, named in its Content-Security-Policy (`connect-src`): the user
   * pool's API. Set it when the page reaches Cognito through another endpoint (a FIPS or custom one).
   * @default the user pool's regional endpoint, `https://cognito-idp.<runtimeConfig.region>.amazonaws.com`
   */
  readonly apiOrigins?: readonly string[];
}

/**
 * Private S3 bucket behind CloudFront (origin access control, HTTPS only) serving the sign-in page, with the
 * page's security headers (infra/web-security-headers.ts) added by a response headers policy.
 */
export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly securityHeaders: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const distDir = props.distDir ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
    if (!existsSync(distDir)) {
      throw new Error(`WebHosting: ${distDir} does not exist; run "npm run build:web" before synthesizing with hosting.`);
    }
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const stack = Stack.of(this);
    const apiOrigins = props.apiOrigins ?? [cognitoEndpointOf(props.runtimeConfig.region ?? stack.region, stack.urlSuffix)];
    this.securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the email-code sign-in page',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: pageContentSecurityPolicy(apiOrigins), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: HSTS_INCLUDE_SUBDOMAINS,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption[FRAME_OPTIONS], override: true },
        referrerPolicy: { referrerPolicy: REFERRER_POLICY as cloudfront.HeadersReferrerPolicy, override: true },
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.securityHeaders,
      },
      defaultRootObject: 'index.html',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    });
    const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      sources: [s3deploy.Source.asset(distDir), s3deploy.Source.jsonData('config.json', props.runtimeConfig)],
      memoryLimit: 256,
      cacheControl: [s3deploy.CacheControl.maxAge(Duration.minutes(5))],
    });

    const ack = (scope: Construct, id: string, reason: string) => Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
    ack(this.bucket, 'S1', 'A static page with no user data; CloudFront serves it and can log requests instead.');
    ack(this.distribution, 'CFR1', 'A sign-in page for everyone the user pool serves; no geographic restriction.');
    ack(this.distribution, 'CFR2', 'The page is static; the user pool has its own WAF web ACL (wafRateLimitPer5Minutes).');
    ack(this.distribution, 'CFR3', 'Access logs for a static page are optional; enable them on the distribution if needed.');
    ack(this.distribution, 'CFR4', 'The default CloudFront certificate allows only TLSv1 viewers on *.cloudfront.net; use a custom domain for TLS 1.2 minimum.');
    this.acknowledgeDeploymentHelper(deployment);
  }

  /**
   * BucketDeployment runs CDK's own Lambda function, whose role and runtime are CDK's. Each finding is
   * acknowledged on that helper only, so the same rules still apply everywhere else in the stack.
   */
  private acknowledgeDeploymentHelper(deployment: s3deploy.BucketDeployment): void {
    const stack = Stack.of(this);
    const reason = "CDK's BucketDeployment helper: its managed policy, S3 wildcards and runtime are set by aws-cdk-lib.";
    const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<${name}>` : value);
    const qualifier = (this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const assetBucket = `cdk-${qualifier}-assets-${pseudo(stack.account, 'AWS::AccountId')}-${pseudo(stack.region, 'AWS::Region')}`;
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    const findings = [
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ...['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*', 'Abort*'].map((action) => `IAM5[Action::s3:${action}]`),
      'IAM5[Resource::*]',
      `IAM5[Resource::<${bucketId}.Arn>/*]`,
      `IAM5[Resource::arn:<AWS::Partition>:s3:::${assetBucket}/*]`,
    ];
    for (const finding of findings) {
      Validations.of(deployment.handlerRole).acknowledge({ id: `AwsSolutions::AwsSolutions-${finding}`, reason });
    }
    const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) Validations.of(handler).acknowledge({ id: 'AwsSolutions::AwsSolutions-L1', reason });
  }
}
