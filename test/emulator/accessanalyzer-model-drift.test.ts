import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_SPECS } from '../../src/emulator/services/accessanalyzer/api/operation-specs';
import * as enums from '../../src/emulator/services/accessanalyzer/domain/model-types';

/**
 * The hand-written operation table and enums against the official model (botocore's
 * accessanalyzer service-2.json, kept in the shared data folder next to the repository). Skipped
 * where that folder is absent; AUDITDESK_AWS_MODELS_DIR points elsewhere.
 */
const modelsDir = process.env.AUDITDESK_AWS_MODELS_DIR ?? resolve(import.meta.dirname, '../../../shared/data/aws-models');
const modelPath = join(modelsDir, 'accessanalyzer.service-2.json');

interface ModelMember {
  shape: string;
  location?: string;
  locationName?: string;
}
interface ModelShape {
  type: string;
  members?: Record<string, ModelMember>;
  required?: string[];
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
  timestampFormat?: string;
}
interface Model {
  operations: Record<string, { http: { method: string; requestUri: string }; input?: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

describe.skipIf(!existsSync(modelPath))('Access Analyzer operation table vs the API model', () => {
  const model = JSON.parse(readFileSync(modelPath, 'utf8')) as Model;
  const shape = (name: string): ModelShape => {
    const s = model.shapes[name];
    if (!s) throw new Error(`shape ${name} missing from the model`);
    return s;
  };

  it('routes every operation with the model’s method and requestUri', () => {
    const routed = Object.fromEntries(OPERATION_SPECS.map((s) => [s.name, `${s.method} ${s.uri}`]));
    const expected = Object.fromEntries(Object.entries(model.operations).map(([n, o]) => [n, `${o.http.method} ${o.http.requestUri}`]));
    expect(routed).toEqual(expected);
  });

  it.each(OPERATION_SPECS.filter((s) => s.members).map((s) => [s.name, s] as const))('binds %s members as the model does', (name, spec) => {
    const input = shape(model.operations[name]?.input?.shape ?? '');
    const members = spec.members ?? {};
    expect(Object.keys(members).sort()).toEqual(Object.keys(input.members ?? {}).sort());
    for (const [member, m] of Object.entries(input.members ?? {})) {
      const ours = members[member];
      const target = shape(m.shape);
      expect(ours?.location, `${name}.${member} location`).toBe(m.location ?? 'body');
      expect(ours?.required === true, `${name}.${member} required`).toBe((input.required ?? []).includes(member));
      if (ours?.type === 'string') {
        expect(ours.enum ? [...ours.enum] : undefined, `${name}.${member} enum`).toEqual(target.enum);
        expect(ours.pattern, `${name}.${member} pattern`).toBe(target.pattern);
        expect(ours.minLength, `${name}.${member} min`).toBe(target.min);
        expect(ours.maxLength, `${name}.${member} max`).toBe(target.max);
      }
      if (ours?.type === 'integer' && target.max !== undefined) expect([ours.min, ours.max]).toEqual([target.min, target.max]);
    }
  });

  it('copies the enums exactly', () => {
    expect([...enums.ANALYZER_TYPES]).toEqual(shape('Type').enum);
    expect([...enums.ANALYZER_STATUSES]).toEqual(shape('AnalyzerStatus').enum);
    expect([...enums.FINDING_TYPES]).toEqual(shape('FindingType').enum);
    expect([...enums.FINDING_STATUSES]).toEqual(shape('FindingStatus').enum);
    expect([...enums.FINDING_STATUS_UPDATES]).toEqual(shape('FindingStatusUpdate').enum);
    expect([...enums.RESOURCE_TYPES]).toEqual(shape('ResourceType').enum);
    expect([...enums.ORDER_BY]).toEqual(shape('OrderBy').enum);
    expect([...enums.FINDING_SOURCE_TYPES]).toEqual(shape('FindingSourceType').enum);
  });

  it('writes timestamps as iso8601 because the model says so', () => {
    expect(shape('Timestamp').timestampFormat).toBe('iso8601');
  });
});
