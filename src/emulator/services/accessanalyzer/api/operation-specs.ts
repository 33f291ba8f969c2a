import { ANALYZER_TYPES, FINDING_STATUS_UPDATES } from '../domain/model-types';

/**
 * Every Access Analyzer operation's HTTP binding (method + requestUri from the model) and, for the
 * ones the emulator serves, where each input member travels (uri, querystring, body) with the
 * constraints the model puts on it. The SDK validates nothing client-side, so these checks are
 * what stands between a malformed request and the service, as on AWS.
 */

export type MemberLocation = 'uri' | 'querystring' | 'body';

interface MemberBase {
  location: MemberLocation;
  required?: true;
}
export type MemberSpec =
  | (MemberBase & {
      type: 'string';
      enum?: readonly string[];
      minLength?: number;
      maxLength?: number;
      /** Checked against the whole value. */
      pattern?: string;
    })
  | (MemberBase & { type: 'integer'; min?: number; max?: number })
  | (MemberBase & { type: 'stringList' })
  | (MemberBase & { type: 'filter' })
  | (MemberBase & { type: 'sort' });

export interface OperationSpec {
  name: string;
  method: string;
  /** The model's requestUri, e.g. `/analyzer/{analyzerName}/archive-rule/{ruleName}`. */
  uri: string;
  /** Absent for the operations the emulator routes but does not serve. */
  members?: Record<string, MemberSpec>;
}

// Patterns and lengths from the model's AnalyzerArn, AnalyzerName, Name and ResourceArn shapes.
const ANALYZER_ARN = '[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:analyzer/.{1,255}';
const analyzerArn: MemberSpec = { type: 'string', location: 'body', required: true, pattern: ANALYZER_ARN };
const analyzerArnQuery: MemberSpec = { ...analyzerArn, location: 'querystring' };
const analyzerNameUri: MemberSpec = {
  type: 'string',
  location: 'uri',
  required: true,
  minLength: 1,
  maxLength: 255,
  pattern: '[A-Za-z_][A-Za-z0-9_.-]*',
};
const RULE_NAME = { minLength: 1, maxLength: 255, pattern: '[A-Za-z][A-Za-z0-9_.-]*' } as const;
const ruleNameUri: MemberSpec = { type: 'string', location: 'uri', required: true, ...RULE_NAME };
const ruleNameBody: MemberSpec = { type: 'string', location: 'body', required: true, ...RULE_NAME };
const token = (location: MemberLocation): MemberSpec => ({ type: 'string', location });

/**
 * The model bounds maxResults only on GetFindingRecommendation (1..1000). The other list
 * operations have a service-side bound that the model does not publish; the emulator applies
 * the same 1..1000 so that an out-of-range page size is refused rather than silently clamped.
 */
export const MAX_RESULTS_BOUNDS = { min: 1, max: 1000 } as const;
const maxResults = (location: MemberLocation): MemberSpec => ({ type: 'integer', location, ...MAX_RESULTS_BOUNDS });
const clientToken = (location: MemberLocation): MemberSpec => ({ type: 'string', location });

export const OPERATION_SPECS: readonly OperationSpec[] = [
  {
    name: 'ListAnalyzers',
    method: 'GET',
    uri: '/analyzer',
    members: {
      nextToken: token('querystring'),
      maxResults: maxResults('querystring'),
      type: { type: 'string', location: 'querystring', enum: ANALYZER_TYPES },
    },
  },
  { name: 'GetAnalyzer', method: 'GET', uri: '/analyzer/{analyzerName}', members: { analyzerName: analyzerNameUri } },
  {
    name: 'ListFindingsV2',
    method: 'POST',
    uri: '/findingv2',
    members: {
      analyzerArn,
      filter: { type: 'filter', location: 'body' },
      maxResults: maxResults('body'),
      nextToken: token('body'),
      sort: { type: 'sort', location: 'body' },
    },
  },
  {
    name: 'GetFindingV2',
    method: 'GET',
    uri: '/findingv2/{id}',
    members: {
      analyzerArn: analyzerArnQuery,
      id: { type: 'string', location: 'uri', required: true },
      maxResults: maxResults('querystring'),
      nextToken: token('querystring'),
    },
  },
  {
    name: 'ListFindings',
    method: 'POST',
    uri: '/finding',
    members: {
      analyzerArn,
      filter: { type: 'filter', location: 'body' },
      sort: { type: 'sort', location: 'body' },
      nextToken: token('body'),
      maxResults: maxResults('body'),
    },
  },
  {
    name: 'GetFinding',
    method: 'GET',
    uri: '/finding/{id}',
    members: { analyzerArn: analyzerArnQuery, id: { type: 'string', location: 'uri', required: true } },
  },
  {
    name: 'UpdateFindings',
    method: 'PUT',
    uri: '/finding',
    members: {
      analyzerArn,
      status: { type: 'string', location: 'body', required: true, enum: FINDING_STATUS_UPDATES },
      ids: { type: 'stringList', location: 'body' },
      resourceArn: { type: 'string', location: 'body', pattern: 'arn:[^:]*:[^:]*:[^:]*:[^:]*:.*' },
      clientToken: clientToken('body'),
    },
  },
  {
    name: 'ListArchiveRules',
    method: 'GET',
    uri: '/analyzer/{analyzerName}/archive-rule',
    members: { analyzerName: analyzerNameUri, nextToken: token('querystring'), maxResults: maxResults('querystring') },
  },
  {
    name: 'CreateArchiveRule',
    method: 'PUT',
    uri: '/analyzer/{analyzerName}/archive-rule',
    members: {
      analyzerName: analyzerNameUri,
      ruleName: ruleNameBody,
      filter: { type: 'filter', location: 'body', required: true },
      clientToken: clientToken('body'),
    },
  },
  {
    name: 'GetArchiveRule',
    method: 'GET',
    uri: '/analyzer/{analyzerName}/archive-rule/{ruleName}',
    members: { analyzerName: analyzerNameUri, ruleName: ruleNameUri },
  },
  {
    name: 'UpdateArchiveRule',
    method: 'PUT',
    uri: '/analyzer/{analyzerName}/archive-rule/{ruleName}',
    members: {
      analyzerName: analyzerNameUri,
      ruleName: ruleNameUri,
      filter: { type: 'filter', location: 'body', required: true },
      clientToken: clientToken('body'),
    },
  },
  {
    name: 'DeleteArchiveRule',
    method: 'DELETE',
    uri: '/analyzer/{analyzerName}/archive-rule/{ruleName}',
    members: { analyzerName: analyzerNameUri, ruleName: ruleNameUri, clientToken: clientToken('querystring') },
  },
  {
    name: 'ApplyArchiveRule',
    method: 'PUT',
    uri: '/archive-rule',
    members: { analyzerArn, ruleName: ruleNameBody, clientToken: clientToken('body') },
  },
  { name: 'GetFindingsStatistics', method: 'POST', uri: '/analyzer/findings/statistics', members: { analyzerArn } },
  {
    name: 'GenerateFindingRecommendation',
    method: 'POST',
    uri: '/recommendation/{id}',
    members: {
      analyzerArn: analyzerArnQuery,
      id: { type: 'string', location: 'uri', required: true, minLength: 1, maxLength: 2048 },
    },
  },
  {
    name: 'GetFindingRecommendation',
    method: 'GET',
    uri: '/recommendation/{id}',
    members: {
      analyzerArn: analyzerArnQuery,
      id: { type: 'string', location: 'uri', required: true, minLength: 1, maxLength: 2048 },
      maxResults: maxResults('querystring'),
      nextToken: token('querystring'),
    },
  },
  // Routed (so faults and errors name the right operation) but not served: an auditor's app reads
  // findings; it does not create analyzers, previews or generated policies.
  { name: 'CancelPolicyGeneration', method: 'PUT', uri: '/policy/generation/{jobId}' },
  { name: 'CheckAccessNotGranted', method: 'POST', uri: '/policy/check-access-not-granted' },
  { name: 'CheckNoNewAccess', method: 'POST', uri: '/policy/check-no-new-access' },
  { name: 'CheckNoPublicAccess', method: 'POST', uri: '/policy/check-no-public-access' },
  { name: 'CreateAccessPreview', method: 'PUT', uri: '/access-preview' },
  { name: 'CreateAnalyzer', method: 'PUT', uri: '/analyzer' },
  { name: 'CreateServiceLinkedAnalyzer', method: 'PUT', uri: '/service-linked-analyzer' },
  { name: 'DeleteAnalyzer', method: 'DELETE', uri: '/analyzer/{analyzerName}' },
  { name: 'DeleteServiceLinkedAnalyzer', method: 'DELETE', uri: '/service-linked-analyzer/{analyzerName}' },
  { name: 'GetAccessPreview', method: 'GET', uri: '/access-preview/{accessPreviewId}' },
  { name: 'GetAnalyzedResource', method: 'GET', uri: '/analyzed-resource' },
  { name: 'GetGeneratedPolicy', method: 'GET', uri: '/policy/generation/{jobId}' },
  { name: 'ListAccessPreviewFindings', method: 'POST', uri: '/access-preview/{accessPreviewId}' },
  { name: 'ListAccessPreviews', method: 'GET', uri: '/access-preview' },
  { name: 'ListAnalyzedResources', method: 'POST', uri: '/analyzed-resource' },
  { name: 'ListPolicyGenerations', method: 'GET', uri: '/policy/generation' },
  { name: 'ListTagsForResource', method: 'GET', uri: '/tags/{resourceArn}' },
  { name: 'StartPolicyGeneration', method: 'PUT', uri: '/policy/generation' },
  { name: 'StartResourceScan', method: 'POST', uri: '/resource/scan' },
  { name: 'TagResource', method: 'POST', uri: '/tags/{resourceArn}' },
  { name: 'UntagResource', method: 'DELETE', uri: '/tags/{resourceArn}' },
  { name: 'UpdateAnalyzer', method: 'PUT', uri: '/analyzer/{analyzerName}' },
  { name: 'ValidatePolicy', method: 'POST', uri: '/policy/validation' },
];
