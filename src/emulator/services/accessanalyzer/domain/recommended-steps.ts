import type { FindingRecord, RecommendedStep } from './model-types';

/**
 * The remediation for an UnusedPermission finding, one step per attached policy: a policy that
 * still grants used actions is replaced by one granting only those (CREATE_POLICY, naming the
 * policy it replaces); a policy that grants nothing still in use is detached (DETACH_POLICY).
 */
export function recommendedSteps(finding: FindingRecord): RecommendedStep[] {
  return (finding.attachedPolicies ?? []).map((policy) => {
    if (policy.usedActions.length === 0) {
      return {
        unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY', existingPolicyId: policy.policyId, policyUpdatedAt: policy.updatedAt },
      };
    }
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [...policy.usedActions].sort(), Resource: '*' }],
    };
    return {
      unusedPermissionsRecommendedStep: {
        recommendedAction: 'CREATE_POLICY',
        recommendedPolicy: JSON.stringify(document),
        existingPolicyId: policy.policyId,
        policyUpdatedAt: policy.updatedAt,
      },
    };
  });
}
