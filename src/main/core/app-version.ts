import { readFileSync } from 'node:fs';
import { findProjectRoot } from './project-root';

let cached: string | undefined;

export function appVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(`${findProjectRoot()}/package.json`, 'utf8')) as { version?: string };
  cached = pkg.version ?? '0.0.0';
  return cached;
}
