/**
 * Whether sourceIPAddress is a well-formed address. CloudTrail also writes service names there
 * (`signin.amazonaws.com`, `AWS Internal`), and recorders scramble addresses into invalid ones
 * (`253.252.51.07`): both are kept as given and flagged, never rejected. The patterns are
 * RE2-compatible (no look-around) because the SQL twin matches with the same ones.
 */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
export const IPV4_PATTERN = `${OCTET}(?:\\.${OCTET}){3}`;

const H = '[0-9a-fA-F]{1,4}';
export const IPV6_PATTERN = [
  `(?:${H}:){7}${H}`,
  `(?:${H}:){1,7}:`,
  `(?:${H}:){1,6}:${H}`,
  `(?:${H}:){1,5}(?::${H}){1,2}`,
  `(?:${H}:){1,4}(?::${H}){1,3}`,
  `(?:${H}:){1,3}(?::${H}){1,4}`,
  `(?:${H}:){1,2}(?::${H}){1,5}`,
  `${H}:(?::${H}){1,6}`,
  `:(?:(?::${H}){1,7}|:)`,
  `::(?:[fF]{4}(?::0{1,4})?:)?${IPV4_PATTERN}`,
  `(?:${H}:){1,4}:${IPV4_PATTERN}`,
].join('|');

const IP_RE = new RegExp(`^(?:(?:${IPV4_PATTERN})|(?:${IPV6_PATTERN}))$`);

export function isValidIp(text: string | null): boolean | null {
  return text === null ? null : IP_RE.test(text);
}
