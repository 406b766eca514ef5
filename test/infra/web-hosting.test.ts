// The hosted page's CloudFront distribution sends the page's security headers, the same ones the local page server sends.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { WebHosting, type WebHostingProps } from '../../infra/cdk/web-hosting.ts';
import { pageSecurityHeaders } from '../../infra/web-security-headers.ts';
import { synth } from '../helpers/cdk.ts';

const distDir = mkdtempSync(join(tmpdir(), 'web-hosting-'));
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>page</title>');
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

const runtimeConfig = { region: 'eu-west-1', userPoolId: 'eu-west-1_Example1', userPoolClientId: 'client', signInMode: 'code' };

/** Pseudo parameters as CloudFormation fills them in eu-west-1, for values the template builds with Fn::Join. */
function resolve(value: unknown): unknown {
  const pseudo: Record<string, string> = { 'AWS::URLSuffix': 'amazonaws.com', 'AWS::Region': 'eu-west-1' };
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('Ref' in object && typeof object.Ref === 'string' && object.Ref in pseudo) return pseudo[object.Ref];
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, resolve(inner)]));
  }
  return value;
}

/** The headers a response headers policy makes CloudFront add, by name, read from its CloudFormation config. */
function headersOf(config: Record<string, any>): Record<string, string> {
  const security = config.SecurityHeadersConfig ?? {};
  const headers: Record<string, string> = {};
  if (security.ContentSecurityPolicy) headers['Content-Security-Policy'] = security.ContentSecurityPolicy.ContentSecurityPolicy;
  if (security.StrictTransportSecurity) {
    const hsts = security.StrictTransportSecurity;
    headers['Strict-Transport-Security'] = [`max-age=${hsts.AccessControlMaxAgeSec}`, hsts.IncludeSubdomains && 'includeSubDomains', hsts.Preload && 'preload']
      .filter(Boolean)
      .join('; ');
  }
  if (security.ContentTypeOptions) headers['X-Content-Type-Options'] = 'nosniff';
  if (security.FrameOptions) headers['X-Frame-Options'] = security.FrameOptions.FrameOption;
  if (security.ReferrerPolicy) headers['Referrer-Policy'] = security.ReferrerPolicy.ReferrerPolicy;
  if (security.XSSProtection) headers['X-XSS-Protection'] = JSON.stringify(security.XSSProtection);
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header] = item.Value;
  return headers;
}

function policyOf(template: Template) {
  const policies = Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
  expect(policies).toHaveLength(1);
  const [id, policy] = policies[0]!;
  return { id, config: resolve(policy.Properties.ResponseHeadersPolicyConfig) as Record<string, any> };
}

const hostedPage = (props: Partial<WebHostingProps> = {}) => synth((scope) => new WebHosting(scope, 'Web', { distDir, runtimeConfig, ...props }));

describe('the hosted page sends the security headers defined in infra/web-security-headers.ts', () => {
  it("every header of the local page server, plus HSTS, on the distribution's default behavior, and cdk-nag passes", () => {
    const { template, nagFindings } = hostedPage();
    expect(nagFindings).toEqual([]);
    const { id, config } = policyOf(template);
    expect(headersOf(config)).toEqual(pageSecurityHeaders({ apiOrigins: ['https://cognito-idp.eu-west-1.amazonaws.com'], https: true }));
    // Set whatever the bucket's objects carry.
    for (const header of Object.values(config.SecurityHeadersConfig) as Array<{ Override: boolean }>) expect(header.Override).toBe(true);
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: id });
    expect(distribution.Properties.DistributionConfig.CacheBehaviors).toBeUndefined();
  });

  it('the CSP allows scripts, styles and images from the page only, calls to the page and the user pool, and no framing', () => {
    const { config } = policyOf(hostedPage().template);
    const csp = config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as string;
    const directives = Object.fromEntries(csp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      'connect-src': ["'self'", 'https://cognito-idp.eu-west-1.amazonaws.com'],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'require-trusted-types-for': ["'script'"],
    });
    expect(csp).not.toContain('unsafe');
    expect(config.SecurityHeadersConfig.FrameOptions.FrameOption).toBe('DENY');
    expect(config.SecurityHeadersConfig.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
  });

  it("in a stack deployable to any region, the CSP names the deployment region's endpoint", () => {
    const { template } = synth((scope) => new WebHosting(scope, 'Web', { distDir, runtimeConfig: { ...runtimeConfig, region: scope.region } }), {
      stack: (app) => new Stack(app, 'AnyRegion'),
    });
    const raw = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!;
    const csp = JSON.stringify(raw.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain('{"Ref":"AWS::Region"}');
    expect(csp).toContain('{"Ref":"AWS::URLSuffix"}');
  });

  it('apiOrigins replaces the user pool endpoint in connect-src (another endpoint, a custom domain)', () => {
    const { config } = policyOf(hostedPage({ apiOrigins: ['https://cognito-idp-fips.us-east-1.amazonaws.com'] }).template);
    const csp = config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as string;
    expect(csp).toContain("connect-src 'self' https://cognito-idp-fips.us-east-1.amazonaws.com;");
    expect(csp).not.toContain('cognito-idp.eu-west-1');
  });

  it.skipIf(spawnSync('cfn-lint', ['--version']).status !== 0)('cfn-lint finds no error, and nothing at all on the policy or the distribution', () => {
    const file = join(distDir, 'template.json');
    const { template } = hostedPage();
    writeFileSync(file, JSON.stringify(template.toJSON()));
    const lint = spawnSync('cfn-lint', ['--format', 'parseable', '--', file], { encoding: 'utf8', timeout: 120_000 });
    expect(lint.stderr).toBe('');
    const findings = lint.stdout.split('\n').filter(Boolean);
    // CDK's own helpers (auto-delete, bucket deployment) carry W3005 (a DependsOn a GetAtt already implies).
    expect(findings.filter((line) => /:E\d{4}:/.test(line))).toEqual([]);
    const ours = [policyOf(template).id, ...Object.keys(template.findResources('AWS::CloudFront::Distribution'))];
    expect(findings.filter((line) => ours.some((id) => line.includes(id)))).toEqual([]);
  }, 150_000);
});
