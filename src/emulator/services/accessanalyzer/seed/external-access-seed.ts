import type { WorldAccount } from '../../../world/world-types';
import { SYNTHETIC_EXTERNAL_TEMPLATES, templatesFromRealExamples, type ExternalTemplate } from './external-access-templates';
import type { RealAccessExample } from './real-examples';
import { accountSlug, draftTimes, type FindingDraft, type SeedContext } from './seed-context';

/**
 * External access per account and region: 3–6 regional resources shared outside the account in
 * every region, plus 2–4 IAM roles with outside trust in the home region. The first account
 * carries every real example, so each of them is in every seeded world whatever the seed.
 */
export function externalAccessDrafts(ctx: SeedContext, realExamples: readonly RealAccessExample[]): FindingDraft[] {
  const real = templatesFromRealExamples(realExamples);
  const all = [...real, ...SYNTHETIC_EXTERNAL_TEMPLATES];
  const drafts: FindingDraft[] = [];
  ctx.world.accounts.forEach((account, index) => {
    const peer = peerOf(ctx, account);
    const usable = peer !== undefined ? all : all.filter((t) => !isInsideOrg(t, ctx));
    const regional = usable.filter((t) => !t.global);
    const global = usable.filter((t) => t.global);
    const rng = ctx.rng.fork(`external:${account.id}`);
    for (const region of ctx.world.regions) {
      const r = rng.fork(region);
      const chosen = r.sample(regional, r.int(3, 6));
      if (region === ctx.homeRegion) {
        chosen.push(...r.sample(global, r.int(2, 4)));
        if (index === 0) chosen.push(...real.filter((t) => !chosen.includes(t)));
      }
      for (const template of chosen) drafts.push(draftFor(ctx, account, region, template, peer ?? account.id));
    }
  });
  return drafts;
}

function draftFor(ctx: SeedContext, account: WorldAccount, region: string, template: ExternalTemplate, peer: string): FindingDraft {
  const rng = ctx.rng.fork(`external:${account.id}:${region}:${template.name}`);
  const shape = template.build({
    owner: account.id,
    slug: accountSlug(account),
    region,
    rng: rng.fork('shape'),
    external: rng.pick(ctx.externalAccounts),
    peer,
  });
  return {
    key: `${account.id}:${region}:external:${template.name}`,
    ownerAccount: account.id,
    region,
    findingType: 'ExternalAccess',
    resource: shape.resource,
    resourceType: shape.resourceType,
    findingDetails: [{ externalAccessDetails: shape.details }],
    ...(shape.error ? { error: shape.error } : {}),
    ...draftTimes(rng.fork('times'), ctx.now),
    synthetic: template.synthetic,
    origin: template.origin,
    zone: shape.zone,
  };
}

/** Members name the management account as their in-organisation peer; the management account a member. */
function peerOf(ctx: SeedContext, account: WorldAccount): string | undefined {
  if (!account.isManagement) return ctx.world.managementAccountId;
  return ctx.world.accounts.find((a) => a.id !== account.id)?.id;
}

/** Probes a template once to learn its zone; used only to drop in-organisation templates from a one-account world. */
function isInsideOrg(template: ExternalTemplate, ctx: SeedContext): boolean {
  const probe = template.build({
    owner: '000000000000',
    slug: 'probe',
    region: ctx.homeRegion,
    rng: ctx.rng.fork('probe'),
    external: '000000000001',
    peer: '000000000002',
  });
  return probe.zone === 'inside-org';
}
