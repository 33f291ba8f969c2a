/**
 * Event sources whose management events CloudTrail records in us-east-1 whatever endpoint was
 * called: the global services, and STS/sign-in as AWS records them for an organisation trail.
 */
const GLOBAL_EVENT_SOURCES = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'signin.amazonaws.com',
  'organizations.amazonaws.com',
  'cloudfront.amazonaws.com',
  'route53.amazonaws.com',
  'route53domains.amazonaws.com',
  'waf.amazonaws.com',
  'shield.amazonaws.com',
  'account.amazonaws.com',
  'billingconsole.amazonaws.com',
  'ce.amazonaws.com',
  'support.amazonaws.com',
  'trustedadvisor.amazonaws.com',
  'health.amazonaws.com',
]);

export const GLOBAL_REGION = 'us-east-1';

export function isGlobalEventSource(eventSource: string | undefined): boolean {
  return eventSource !== undefined && GLOBAL_EVENT_SOURCES.has(eventSource.toLowerCase());
}
