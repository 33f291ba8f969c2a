import { readFile } from 'node:fs/promises';

export interface ConfigProblem {
  file: string;
  line?: number;
  message: string;
}

// The SDK's own loader reads these files leniently: a line it does not understand is skipped
// without a word, and an unreadable file becomes an empty one. That is right for a credential
// chain but wrong for an auditor wondering why a profile is missing, so this pass reports what
// the loader would skip, by file and line. It does not build profiles: the SDK loader does that.
const SECTION = /^\[([^\]]*)\]$/;
const SECTION_NAME = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const PLAIN_NAME = /^[\w\-@+.%:/]+$/;

export async function lintConfigFile(file: string, kind: 'config' | 'credentials'): Promise<ConfigProblem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    return [{ file, message: `Cannot read the file (${code ?? 'unknown error'}); its profiles are not available.` }];
  }
  return lintConfigText(text, file, kind);
}

export function lintConfigText(text: string, file: string, kind: 'config' | 'credentials'): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  let inSection = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
    if (content === '') return;
    if (content.startsWith('[')) {
      const match = SECTION.exec(content);
      if (!match) {
        // The SDK does not start a new section here, so what follows lands in the one above.
        problems.push({ file, line, message: 'Section header is not closed with "]": the AWS SDK reads the settings below it as part of the section above.' });
        return;
      }
      const name = (match[1] ?? '').trim();
      inSection = true;
      if (!isValidSectionName(name, kind)) {
        problems.push({ file, line, message: `Section name ${quote(name)} is not valid here; the AWS SDK ignores this section.` });
      }
      return;
    }
    if (!inSection) {
      problems.push({ file, line, message: 'Setting outside any [section]; the AWS SDK ignores it.' });
      return;
    }
    const equals = content.indexOf('=');
    if (equals <= 0) {
      // The line itself is never quoted: it may hold a secret key with its "=" missing.
      problems.push({ file, line, message: 'Expected "key = value"; the AWS SDK ignores this line.' });
    }
  });
  return problems;
}

function isValidSectionName(name: string, kind: 'config' | 'credentials'): boolean {
  if (kind === 'credentials') return PLAIN_NAME.test(name);
  if (name === 'default') return true;
  const match = SECTION_NAME.exec(name);
  return match !== null && ['profile', 'sso-session', 'services'].includes(match[1] ?? '');
}

function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `"${short}"`;
}
