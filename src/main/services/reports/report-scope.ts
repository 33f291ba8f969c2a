/** What every report states about itself, whatever its kind. */
export interface ReportScope {
  title: string;
  /** `demo (built-in emulator)` or `user (~/.aws config)`. */
  workspace: string;
  profiles: string[];
  /** ISO 8601, seconds. */
  generatedAt: string;
  version: string;
}
