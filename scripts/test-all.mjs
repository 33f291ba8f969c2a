#!/usr/bin/env node
// `npm test`: every check CI runs, in order, then one closing line with the test totals.
// Each step runs even if an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-output';
mkdirSync(out, { recursive: true });

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'security lint', cmd: 'npm', args: ['run', '-s', 'lint:security'] },
  { name: 'build', cmd: 'npx', args: ['electron-vite', 'build'] },
  { name: 'unit and integration tests', cmd: 'npx', args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest-unit.json`], report: `${out}/vitest-unit.json` },
  { name: 'end-to-end tests (Chromium, browser mode)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest-e2e.json`], report: `${out}/vitest-e2e.json` },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name}`);
  if (step.report) rmSync(step.report, { force: true });
  const result = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.report) addCounts(step.report, step.name);
  if (result.status !== 0) failedSteps.push(step.name);
  console.log(`=== ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
}

function addCounts(file, name) {
  if (!existsSync(file)) {
    totals.failed += 1;
    console.log(`(no report from ${name}: counted as one failure)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && totals.failed === 0) totals.failed = failedSteps.length;
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
