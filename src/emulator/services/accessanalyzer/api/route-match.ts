import { OPERATION_SPECS, type OperationSpec } from './operation-specs';

export interface RouteMatch {
  spec: OperationSpec;
  /** URI labels, percent-decoded. */
  params: Record<string, string>;
}

interface CompiledRoute {
  spec: OperationSpec;
  /** Literal segments as strings, labels as `{ label }`. */
  segments: (string | { label: string })[];
}

const ROUTES: CompiledRoute[] = OPERATION_SPECS.map((spec) => ({
  spec,
  segments: splitPath(spec.uri).map((s) => {
    const label = /^\{(.+)\}$/.exec(s)?.[1];
    return label ? { label } : s;
  }),
}));

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/**
 * Finds the operation for a method and raw path. Literal segments win over labels, so
 * `POST /analyzer/findings/statistics` never reads as an analyzer named `findings`.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const segments = splitPath(rawPath.split('?')[0] ?? '');
  let best: { match: RouteMatch; literals: number } | undefined;
  for (const route of ROUTES) {
    if (route.spec.method !== method.toUpperCase() || route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    route.segments.forEach((seg, i) => {
      const actual = segments[i] ?? '';
      if (typeof seg === 'string') {
        if (seg === actual) literals += 1;
        else ok = false;
      } else {
        const decoded = safeDecode(actual);
        if (decoded === undefined) ok = false;
        else params[seg.label] = decoded;
      }
    });
    if (ok && (!best || literals > best.literals)) best = { match: { spec: route.spec, params }, literals };
  }
  return best?.match;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
