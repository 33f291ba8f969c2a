import { restJsonError } from '../../core/protocol-errors';
import { AwsError, type EmulatorRequest, type EmulatorResponse, type ServiceModule } from '../../core/types';
import type { EmulatorWorld } from '../../world/world-types';
import { internalError, validationError } from './api/aa-errors';
import { parseInput } from './api/parse-input';
import { matchRoute } from './api/route-match';
import { jsonResponse } from './api/wire';
import { AccessAnalyzerState } from './domain/access-analyzer-state';
import { getAnalyzer, listAnalyzers } from './operations/analyzer-operations';
import {
  applyArchiveRule,
  createArchiveRule,
  deleteArchiveRule,
  getArchiveRule,
  listArchiveRules,
  updateArchiveRule,
} from './operations/archive-rule-operations';
import { getFindingV1, getFindingV2, listFindingsV1, listFindingsV2, updateFindings } from './operations/finding-operations';
import type { OperationHandler } from './operations/operation-context';
import { generateFindingRecommendation, getFindingRecommendation } from './operations/recommendation-operations';
import { getFindingsStatistics } from './operations/statistics-operations';
import { loadAccessAnalyzerSeed } from './seed/build-seed';

const HANDLERS: Record<string, OperationHandler> = {
  ListAnalyzers: listAnalyzers,
  GetAnalyzer: getAnalyzer,
  ListFindingsV2: listFindingsV2,
  GetFindingV2: getFindingV2,
  ListFindings: listFindingsV1,
  GetFinding: getFindingV1,
  UpdateFindings: updateFindings,
  ListArchiveRules: listArchiveRules,
  CreateArchiveRule: createArchiveRule,
  GetArchiveRule: getArchiveRule,
  UpdateArchiveRule: updateArchiveRule,
  DeleteArchiveRule: deleteArchiveRule,
  ApplyArchiveRule: applyArchiveRule,
  GetFindingsStatistics: getFindingsStatistics,
  GenerateFindingRecommendation: generateFindingRecommendation,
  GetFindingRecommendation: getFindingRecommendation,
};

/**
 * IAM Access Analyzer (restJson1, signing name `access-analyzer`) over the seeded world: each
 * caller sees the analyzers of its own account in the region it signed for. State changes
 * (finding status, archive rules, recommendations) last as long as this instance.
 */
export function createAccessAnalyzerService(deps: { world: EmulatorWorld; clock: () => Date }): ServiceModule {
  const state = new AccessAnalyzerState(loadAccessAnalyzerSeed(deps.world));

  const service: ServiceModule = {
    signingNames: ['access-analyzer'],

    operationOf(req: EmulatorRequest): string | undefined {
      return matchRoute(req.method, req.path)?.spec.name;
    },

    async handle(req: EmulatorRequest): Promise<EmulatorResponse> {
      try {
        return jsonResponse(dispatch(req));
      } catch (err) {
        if (err instanceof AwsError) return service.errorResponse(err, req);
        // An emulator bug: answer as AWS would, but leave a trace for whoever runs the emulator.
        console.error('[emulator] access-analyzer: unhandled error', err);
        return service.errorResponse(internalError(), req);
      }
    },

    errorResponse(error: AwsError): EmulatorResponse {
      return restJsonError(error);
    },
  };

  function dispatch(req: EmulatorRequest): object | undefined {
    const caller = req.caller;
    if (!caller) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
    const route = matchRoute(req.method, req.path);
    if (!route) throw validationError(`No operation matches ${req.method} ${req.path.split('?')[0] ?? ''}.`, 'unknownOperation');
    const handler = HANDLERS[route.spec.name];
    if (!handler) throw validationError(`${route.spec.name} is not available in the local emulator.`, 'unknownOperation');
    const input = parseInput(route.spec, req, route.params);
    return handler({ state, caller, region: req.region, now: deps.clock(), operation: route.spec.name }, input);
  }

  return service;
}
