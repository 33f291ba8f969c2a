#!/usr/bin/env node
// `npm run lint:security`: Electronegativity (Doyensec's Electron security linter) over the code
// that runs in Electron, gated on an allowlist. Exit 0: nothing blocking. Exit 1: a HIGH or MEDIUM
// finding at any confidence (node-integration findings at any severity) that is not allowlisted,
// an allowlist entry that matches nothing (stale), or a file the scanner could not parse (a file
// it cannot parse is a file it did not check). Exit 2: the allowlist or the setup is broken.
//
// electronegativity-allowlist.json: [{ "check", "file", "reason" }], file as the table shows it
// (src/main/…, or N/A for a finding about the whole app); every entry needs a reason saying why
// the finding is safe.
//
// Why the programmatic API and not the CLI's CSV or SARIF file: Electronegativity exits 0 whatever
// it finds, so its results must be read back, and neither file is safe to read back. The CSV is
// written as two racing async writes (header with flag "w", rows with flag "a"), so rows can be
// lost or overwritten; the SARIF has no severity or confidence; and with an output file the CLI
// drops parse errors silently. The API returns the same issue objects the files are made from,
// with severity and confidence, plus the parse errors.
//
// It parses our TypeScript itself (Babel with the typescript plugin, then typescript-estree), so
// it scans src/ rather than the bundles in out/, and findings point at the lines we wrote.
//
// Usage: node scripts/lint-security.mjs [--input DIR] [--allowlist FILE]
//   --input      scan DIR as it is (the tests use this) instead of src/{main,preload,renderer,shared}
//   --allowlist  default: electronegativity-allowlist.json at the repository root
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** What ships in the desktop app; src/cli and src/emulator never run in Electron. */
const SCANNED = ['src/main', 'src/preload', 'src/renderer', 'src/shared'];
const BLOCKING = new Set(['HIGH', 'MEDIUM']);
/**
 * Blocking whatever severity they carry. Electronegativity rates an explicit `nodeIntegration:
 * true` (or one set from a variable) INFORMATIONAL: its HIGH rating is only for the key being
 * absent on an old Electron. The one setting that hands the page Node must not slip through.
 */
const ALWAYS_BLOCKING = new Set(['NODE_INTEGRATION_JS_CHECK', 'NODE_INTEGRATION_HTML_CHECK', 'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK']);
/** Needs the network (it downloads Electron's release list) and reads package.json, which is not scanned. */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

class SetupError extends Error {}

function electronVersion() {
  const file = join(root, 'node_modules', 'electron', 'package.json');
  if (!existsSync(file)) throw new SetupError('node_modules/electron is missing: run npm install.');
  const { version } = JSON.parse(readFileSync(file, 'utf8'));
  const major = /^(\d+)\./.exec(String(version))?.[1];
  if (!major) throw new SetupError(`Cannot read the Electron version from ${file}.`);
  // Electronegativity picks its per-version defaults with semver, so it needs a full version.
  return `${major}.0.0`;
}

export function loadAllowlist(file) {
  if (!existsSync(file)) throw new SetupError(`Allowlist not found: ${file}`);
  let entries;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SetupError(`${file} is not valid JSON: ${error.message}`);
  }
  if (!Array.isArray(entries)) throw new SetupError(`${file} must hold a JSON array of {check, file, reason}.`);
  const seen = new Set();
  entries.forEach((entry, index) => {
    const where = `${file} entry ${index + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new SetupError(`${where} is not an object.`);
    const extra = Object.keys(entry).filter((key) => !['check', 'file', 'reason'].includes(key));
    if (extra.length) throw new SetupError(`${where} has unknown keys: ${extra.join(', ')}.`);
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') throw new SetupError(`${where} needs a non-empty "${key}".`);
    }
    const id = `${entry.check} ${entry.file}`;
    if (seen.has(id)) throw new SetupError(`${where} repeats ${entry.check} for ${entry.file}.`);
    seen.add(id);
  });
  return entries;
}

/** Copies the shipped folders to a scratch folder, leaving tests out: they do not ship. */
function stageSources() {
  const staging = mkdtempSync(join(tmpdir(), 'auditdesk-electronegativity-'));
  for (const folder of SCANNED) {
    const from = join(root, folder);
    if (!existsSync(from)) continue;
    cpSync(from, join(staging, folder), { recursive: true, filter: (path) => !/\.(test|e2e)\.[cm]?[jt]sx?$/.test(path) });
  }
  return staging;
}

/**
 * Electronegativity fetches its message translations from an S3 bucket on every run (three tries
 * with back-off when offline, seconds of waiting). Its English messages ship in the package: load
 * those instead, so a security check makes no network call. Falls back to its own loader if a
 * new version moves the file.
 */
function useBundledMessages() {
  try {
    const file = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
    const i18n = createRequire(file)('i18n');
    const offline = async () => {
      i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(file), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
      i18n.setLocale('en-US');
    };
    const module = new Module(file);
    module.filename = file;
    module.loaded = true;
    module.exports = offline;
    require.cache[file] = module;
  } catch {
    // Its own loader still works, only slower.
  }
}

async function scan(input, version) {
  // Its console output (banner, "could not retrieve translations", progress) is noise here; it is
  // shown only if the scan itself fails.
  const log = console.log;
  const captured = [];
  console.log = (...args) => captured.push(args.join(' '));
  process.env.LANG = 'en-US';
  try {
    useBundledMessages();
    const run = require('@doyensec/electronegativity');
    return await run(
      {
        input,
        isRelative: true,
        electronVersionOverride: version,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS,
        parserPlugins: [],
      },
      false,
    );
  } catch (error) {
    console.log = log;
    for (const line of captured) console.error(line);
    throw error;
  } finally {
    console.log = log;
  }
}

export function normalize(issue, toDisplayPath) {
  return {
    check: issue.id,
    severity: issue.severity?.name ?? 'UNKNOWN',
    confidence: issue.confidence?.name ?? 'UNKNOWN',
    file: issue.file === 'N/A' ? 'N/A' : toDisplayPath(issue.file),
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    description: String(issue.description ?? '').replace(/\s+/g, ' ').trim(),
    manualReview: Boolean(issue.manualReview),
  };
}

/** Splits findings into blocking / allowed / informational and finds the stale allowlist entries. */
export function triage(findings, allowlist) {
  const used = new Set();
  const rows = findings.map((finding) => {
    const entry = allowlist.find((e) => e.check === finding.check && e.file === finding.file);
    if (entry) used.add(entry);
    const blocking = BLOCKING.has(finding.severity) || ALWAYS_BLOCKING.has(finding.check);
    return { ...finding, status: entry ? 'allowed' : blocking ? 'BLOCKING' : 'info', reason: entry?.reason };
  });
  const stale = allowlist.filter((entry) => !used.has(entry));
  return { rows, stale };
}

const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function printTable(rows) {
  const order = { BLOCKING: 0, allowed: 1, info: 2 };
  const sortedRows = [...rows].sort((a, b) => order[a.status] - order[b.status] || a.file.localeCompare(b.file) || a.line - b.line);
  const cells = sortedRows.map((r) => [
    r.status,
    `${r.severity}/${r.confidence}`,
    r.check,
    r.file === 'N/A' ? '(global)' : `${r.file}:${r.line}:${r.column}`,
    r.reason ? `allowlisted: ${clip(r.reason, 100)}` : `${r.description}${r.manualReview ? ' (review required)' : ''}`,
  ]);
  const head = ['result', 'severity/confidence', 'check', 'where', 'why'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (i === 4 ? 0 : c[i].length))));
  const line = (c) => c.map((v, i) => (i === 4 ? v : v.padEnd(widths[i]))).join('  ');
  console.log(line(head));
  console.log(line(widths.map((w, i) => '-'.repeat(i === 4 ? 3 : w))));
  for (const c of cells) console.log(line(c));
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string' }, allowlist: { type: 'string' } } });
  const allowlistFile = resolve(values.allowlist ?? join(root, 'electronegativity-allowlist.json'));
  const allowlist = loadAllowlist(allowlistFile);
  const version = electronVersion();

  const staged = values.input ? undefined : stageSources();
  const input = values.input ? resolve(values.input) : staged;
  // Paths as a person finds them: src/main/… for the real scan, relative to --input otherwise.
  const toDisplayPath = (file) => relative(staged ? staged : input, resolve(input, file)).split(sep).join('/');
  let result;
  try {
    result = await scan(input, version);
  } finally {
    if (staged) rmSync(staged, { recursive: true, force: true });
  }

  const findings = result.issues.map((issue) => normalize(issue, toDisplayPath));
  const { rows, stale } = triage(findings, allowlist);
  const unparsed = result.errors.filter((e) => !e.tolerable);

  console.log(`Electronegativity over ${values.input ? toDisplayPath('.') || values.input : SCANNED.join(', ')} (Electron ${version}, ${result.globalChecks + result.atomicChecks} checks)\n`);
  if (rows.length) printTable(rows);
  else console.log('No findings.');
  for (const e of result.errors.filter((x) => x.tolerable)) console.log(`\nwarning: ${toDisplayPath(e.file)}: ${e.message}`);

  const blocking = rows.filter((r) => r.status === 'BLOCKING');
  const problems = [];
  if (blocking.length) {
    problems.push(`${blocking.length} blocking finding(s) (HIGH or MEDIUM, or node integration) not in ${relative(root, allowlistFile) || allowlistFile}: fix them, or allowlist them with the reason they are safe.`);
  }
  for (const entry of stale) {
    problems.push(`Stale allowlist entry: ${entry.check} in ${entry.file} matches no finding; remove it (a stale entry would silently excuse the next real finding there).`);
  }
  for (const e of unparsed) problems.push(`Could not parse ${toDisplayPath(e.file)}, so it was not checked: ${e.message}`);

  const counts = ['BLOCKING', 'allowed', 'info'].map((s) => `${rows.filter((r) => r.status === s).length} ${s === 'BLOCKING' ? 'blocking' : s}`).join(', ');
  console.log(`\n${counts}; ${stale.length} stale allowlist entr${stale.length === 1 ? 'y' : 'ies'}; ${unparsed.length} unparsed file(s).`);
  if (problems.length) {
    console.error(`\nlint:security failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log('lint:security passed.');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof SetupError ? `lint:security: ${error.message}` : error);
      process.exit(2);
    },
  );
}
