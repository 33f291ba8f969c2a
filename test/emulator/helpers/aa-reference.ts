import type { FindingRecord } from '../../../src/emulator/services/accessanalyzer/domain/model-types';
import { loadAccessAnalyzerSeed, type AccessAnalyzerSeed } from '../../../src/emulator/services/accessanalyzer/seed/build-seed';
import type { EmulatorWorld } from '../../../src/emulator/world/world-types';

/**
 * The tests' own, deliberately plain reading of the seed and of the filter semantics, written
 * without the service's code so the two can disagree: the seed is rebuilt from the same world
 * (same seed, same findings) and filtered with loops.
 */

export function referenceSeed(world: EmulatorWorld): AccessAnalyzerSeed {
  return loadAccessAnalyzerSeed(world);
}

export interface RefCriterion {
  eq?: string[];
  neq?: string[];
  contains?: string[];
  exists?: boolean;
}

/** What a filter key reads from a finding, flattened by hand. */
export function refField(f: FindingRecord, key: string): string | undefined {
  const flat: Record<string, string | undefined> = {
    resource: f.resource,
    resourceType: f.resourceType,
    resourceOwnerAccount: f.resourceOwnerAccount,
    status: f.status,
    findingType: f.findingType,
    error: f.error,
  };
  const d = f.findingDetails[0];
  if (d && 'externalAccessDetails' in d) {
    const x = d.externalAccessDetails;
    flat.isPublic = x.isPublic === undefined ? undefined : x.isPublic ? 'true' : 'false';
    flat.resourceControlPolicyRestriction = x.resourceControlPolicyRestriction;
    for (const [k, v] of Object.entries(x.principal ?? {})) flat[`principal.${k}`] = v;
    for (const [k, v] of Object.entries(x.condition)) flat[`condition.${k}`] = v;
  }
  if (d && 'internalAccessDetails' in d) {
    const x = d.internalAccessDetails;
    flat.principalType = x.principalType;
    flat.accessType = x.accessType;
    flat.principalOwnerAccount = x.principalOwnerAccount;
    for (const [k, v] of Object.entries(x.principal ?? {})) flat[`principal.${k}`] = v;
  }
  return flat[key];
}

export function refFilter(findings: readonly FindingRecord[], filter: Record<string, RefCriterion>): FindingRecord[] {
  const out: FindingRecord[] = [];
  for (const f of findings) {
    let keep = true;
    for (const [key, c] of Object.entries(filter)) {
      const v = refField(f, key);
      if (c.exists === true && v === undefined) keep = false;
      if (c.exists === false && v !== undefined) keep = false;
      if (c.eq && !(v !== undefined && c.eq.includes(v))) keep = false;
      if (c.neq && v !== undefined && c.neq.includes(v)) keep = false;
      if (c.contains && !(v !== undefined && c.contains.some((s) => v.includes(s)))) keep = false;
    }
    if (keep) out.push(f);
  }
  return out;
}

/** Sorted by one attribute, ids breaking ties ascending. */
export function refSort(findings: readonly FindingRecord[], attribute: keyof FindingRecord, order: 'ASC' | 'DESC' = 'ASC'): FindingRecord[] {
  const value = (f: FindingRecord): string | number => {
    const v = f[attribute];
    return v instanceof Date ? v.getTime() : String(v);
  };
  return [...findings].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) return (va < vb ? -1 : 1) * (order === 'DESC' ? -1 : 1);
    return a.id < b.id ? -1 : 1;
  });
}

export function findingsOf(seed: AccessAnalyzerSeed, analyzerArn: string): FindingRecord[] {
  return seed.findings.filter((f) => f.analyzerArn === analyzerArn);
}

export function analyzerArn(region: string, account: string, name: string): string {
  return `arn:aws:access-analyzer:${region}:${account}:analyzer/${name}`;
}
