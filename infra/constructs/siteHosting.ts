import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY, SEARCH_PATH_PATTERNS } from '../../lambdas/core/publish/contentSecurity';
import { LOG_PREFIXES, privateBucketProps } from './accessLogs';
import type { BundledFunction } from './bundledFunction';
import { acknowledgeObjectScopes, objectsArn } from './iamScope';

/** What the static pages need and nothing more (no scripts); the search page alone may run the site's own. */
export { CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY };

export const INDEX_REWRITE_CODE_PATH = fileURLToPath(new URL('../functions/indexRewrite.js', import.meta.url));

export interface SiteHostingProps {
  readonly accessLogs: s3.IBucket;
  readonly priceClass: cloudfront.PriceClass;
  /** Custom domain and its us-east-1 ACM certificate; without them the site is served on *.cloudfront.net. */
  readonly domainName?: string;
  readonly certificateArn?: string;
  /** URL the pages are rendered for; defaults to the distribution's domain. */
  readonly baseUrl?: string;
}

/** The private site bucket and the CloudFront distribution that alone may read it. */
export class SiteHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: SiteHostingProps) {
    super(scope, id);

    // Everything here can be rebuilt from the data bucket, but a stack deletion should not take the site down.
    this.bucket = new s3.Bucket(this, 'Bucket', privateBucketProps(props.accessLogs, LOG_PREFIXES.siteBucket));

    const indexRewrite = new cloudfront.Function(this, 'IndexRewrite', {
      code: cloudfront.FunctionCode.fromFile({ filePath: INDEX_REWRITE_CODE_PATH }),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Maps /dir/ and /dir to /dir/index.html',
    });

    const securityHeaders = (id: string, comment: string, csp: string) =>
      new cloudfront.ResponseHeadersPolicy(this, id, {
        comment,
        securityHeadersBehavior: {
          strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
          contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
          contentTypeOptions: { override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        },
      });
    const pageHeaders = securityHeaders('SecurityHeaders', 'HSTS, CSP for the static pages, nosniff, referrer policy, no framing', CONTENT_SECURITY_POLICY);
    const searchHeaders = securityHeaders(
      'SearchSecurityHeaders',
      'As SecurityHeaders, plus own scripts and WebAssembly for search',
      SEARCH_CONTENT_SECURITY_POLICY,
    );

    const certificate = props.certificateArn ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn) : undefined;

    // S3 answers 403 (not 404) for a missing key when the reader may not list the bucket, as with OAC.
    const notFound = (httpStatus: number): cloudfront.ErrorResponse => ({
      httpStatus,
      responseHttpStatus: 404,
      responsePagePath: '/404.html',
      ttl: Duration.minutes(5),
    });

    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = (responseHeadersPolicy: cloudfront.IResponseHeadersPolicy): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      // Honours the Cache-Control the publisher sets per object; invalidations cover changes.
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy,
      compress: true,
      functionAssociations: [{ function: indexRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Bilingual Briefings site',
      defaultRootObject: 'index.html',
      defaultBehavior: behavior(pageHeaders),
      // Only the search pages and the index they load get the policy that allows scripts.
      additionalBehaviors: Object.fromEntries(SEARCH_PATH_PATTERNS.map((pattern) => [pattern, behavior(searchHeaders)])),
      errorResponses: [notFound(403), notFound(404)],
      priceClass: props.priceClass,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      domainNames: props.domainName ? [props.domainName] : undefined,
      certificate,
      // Only a custom certificate lets the TLS policy be chosen; *.cloudfront.net is fixed by CloudFront.
      minimumProtocolVersion: certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: LOG_PREFIXES.cloudFront,
    });

    this.baseUrl = props.baseUrl ?? `https://${this.distribution.distributionDomainName}/`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Public, read-only briefings meant for readers in every country; there is nothing to geo-restrict.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static pages from a private bucket: no forms, no dynamic origin for WAF rules to protect (search runs in the browser over static files). ' +
          'Attach a web ACL if abuse or cost ever calls for rate limiting.',
      },
    );
    if (!certificate) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the *.cloudfront.net default certificate is used, whose TLS policy CloudFront fixes. ' +
          'Deploying with the domainName/certificateArn context switches to TLSv1.2_2021.',
      });
    }
  }

  /**
   * Publisher: write and delete site objects, invalidate this distribution only. It never reads the site
   * bucket (what it published is in the manifest in the data bucket), so it may not: `--verify` runs with
   * an operator's credentials.
   */
  bindPublisher({ fn, role }: BundledFunction): void {
    fn.addEnvironment('SITE_BUCKET', this.bucket.bucketName);
    fn.addEnvironment('DISTRIBUTION_ID', this.distribution.distributionId);
    fn.addEnvironment('BASE_URL', this.baseUrl);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteSiteObjects',
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [objectsArn(this.bucket, '')],
      }),
    );
    this.distribution.grantCreateInvalidation(fn);
    acknowledgeObjectScopes(
      role,
      this.bucket,
      [''],
      'The publisher owns the whole site bucket: every key in it is a published page, feed or asset it writes or deletes.',
    );
  }
}
