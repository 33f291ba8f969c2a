import { z } from 'zod';
import type { FindingDetail } from '../../../shared/ipc/channels/findings';

/**
 * Access Analyzer's FindingDetails union, read from the JSON we stored (dates are strings by
 * then). Parsed loosely: a member or field AWS adds later must not make a stored finding unreadable.
 */
const StringMap = z.record(z.string(), z.string());
const Source = z.object({ type: z.string(), detail: z.object({ accessPointArn: z.string().optional(), accessPointAccount: z.string().optional() }).passthrough().optional() }).passthrough();
const Access = z
  .object({
    action: z.array(z.string()).optional(),
    condition: StringMap.optional(),
    isPublic: z.boolean().optional(),
    principal: StringMap.optional(),
    sources: z.array(Source).optional(),
    resourceControlPolicyRestriction: z.string().optional(),
    serviceControlPolicyRestriction: z.string().optional(),
    principalOwnerAccount: z.string().optional(),
    accessType: z.string().optional(),
    principalType: z.string().optional(),
  })
  .passthrough();
const LastAccessed = z.object({ lastAccessed: z.string().optional() }).passthrough();
const RawDetail = z
  .object({
    externalAccessDetails: Access.optional(),
    internalAccessDetails: Access.optional(),
    unusedPermissionDetails: z
      .object({
        serviceNamespace: z.string(),
        lastAccessed: z.string().optional(),
        actions: z.array(z.object({ action: z.string(), lastAccessed: z.string().optional() }).passthrough()).optional(),
      })
      .passthrough()
      .optional(),
    unusedIamRoleDetails: LastAccessed.optional(),
    unusedIamUserAccessKeyDetails: z.object({ accessKeyId: z.string(), lastAccessed: z.string().optional() }).passthrough().optional(),
    unusedIamUserPasswordDetails: LastAccessed.optional(),
  })
  .passthrough();

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

function sourcesOf(sources: z.infer<typeof Source>[] | undefined) {
  return (sources ?? []).map((s) => ({ type: s.type, ...optional('detail', s.detail?.accessPointArn ?? s.detail?.accessPointAccount) }));
}

/** One stored details element → what the detail pane shows. */
export function toFindingDetail(raw: unknown): FindingDetail {
  const parsed = RawDetail.safeParse(raw);
  if (!parsed.success) return { kind: 'other', name: describeUnknown(raw) };
  const d = parsed.data;
  if (d.externalAccessDetails) {
    const x = d.externalAccessDetails;
    return {
      kind: 'external',
      principal: x.principal ?? {},
      actions: x.action ?? [],
      conditions: x.condition ?? {},
      ...optional('isPublic', x.isPublic),
      sources: sourcesOf(x.sources),
      ...optional('resourceControlPolicyRestriction', x.resourceControlPolicyRestriction),
    };
  }
  if (d.internalAccessDetails) {
    const x = d.internalAccessDetails;
    return {
      kind: 'internal',
      principal: x.principal ?? {},
      ...optional('principalType', x.principalType),
      ...optional('principalOwnerAccount', x.principalOwnerAccount),
      ...optional('accessType', x.accessType),
      actions: x.action ?? [],
      conditions: x.condition ?? {},
      sources: sourcesOf(x.sources),
      ...optional('resourceControlPolicyRestriction', x.resourceControlPolicyRestriction),
      ...optional('serviceControlPolicyRestriction', x.serviceControlPolicyRestriction),
    };
  }
  if (d.unusedPermissionDetails) {
    const x = d.unusedPermissionDetails;
    return {
      kind: 'unused-permission',
      serviceNamespace: x.serviceNamespace,
      ...optional('lastAccessed', x.lastAccessed),
      actions: (x.actions ?? []).map((a) => ({ action: a.action, ...optional('lastAccessed', a.lastAccessed) })),
    };
  }
  if (d.unusedIamRoleDetails) return { kind: 'unused-role', ...optional('lastAccessed', d.unusedIamRoleDetails.lastAccessed) };
  if (d.unusedIamUserAccessKeyDetails) {
    const x = d.unusedIamUserAccessKeyDetails;
    return { kind: 'unused-access-key', accessKeyId: x.accessKeyId, ...optional('lastAccessed', x.lastAccessed) };
  }
  if (d.unusedIamUserPasswordDetails) return { kind: 'unused-password', ...optional('lastAccessed', d.unusedIamUserPasswordDetails.lastAccessed) };
  return { kind: 'other', name: describeUnknown(raw) };
}

function describeUnknown(raw: unknown): string {
  if (raw && typeof raw === 'object') return Object.keys(raw).join(', ') || 'empty';
  return typeof raw;
}
