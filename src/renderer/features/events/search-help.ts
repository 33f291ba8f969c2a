/**
 * The syntax help's content: the query language of docs/search-syntax.md. The server's field
 * table (src/main/services/search/search-fields.ts) is the authority; the renderer cannot import
 * main-process code, so the fields people use most are listed here with an example each.
 */
export interface HelpField {
  name: string;
  aliases?: string;
  what: string;
  example: string;
}

export const HELP_FIELDS: readonly HelpField[] = [
  { name: 'eventname', aliases: 'name, action', what: 'The API call', example: 'eventname:ConsoleLogin' },
  { name: 'principal', aliases: 'user, who', what: 'Who: user/alice, role/Admin/alice, root, an ARN or a session name', example: 'principal:*alice*' },
  { name: 'account', what: 'The account the event belongs to', example: 'account:111111111111' },
  { name: 'region', what: 'awsRegion', example: 'region:eu-west-1,eu-central-1' },
  { name: 'source', aliases: 'service', what: 'eventSource; a bare name means <name>.amazonaws.com', example: 'source:iam' },
  { name: 'error', aliases: 'errorcode', what: 'errorCode; * for any error', example: 'error:AccessDenied*' },
  { name: 'readonly', what: 'true or false', example: 'readonly:false' },
  { name: 'ip', aliases: 'sourceip', what: 'sourceIPAddress', example: 'ip:203.0.113.*' },
  { name: 'resource', what: 'Any resource ARN or name the event touched', example: 'resource:*prod-bucket*' },
  { name: 'accesskey', what: 'The access key id used', example: 'accesskey:AKIA*' },
  { name: 'principaltype', what: 'IAMUser, AssumedRole, Root, AWSService…', example: 'principaltype:Root' },
  { name: 'useragent', what: 'userAgent', example: 'useragent:*aws-cli*' },
  { name: 'eventid', what: "CloudTrail's eventID", example: 'eventid:3f1a…' },
  { name: 'profile', what: 'The profile it was fetched with', example: 'profile:prod-audit' },
  { name: 'category', what: 'Management, Data, Insight…', example: 'category:Data' },
  { name: 'since / until', what: 'A span back from now or a day', example: 'since:7d' },
  { name: 'time', what: 'A day, or a range', example: 'time:[2024-01-01 TO 2024-02-01]' },
];

export const HELP_RULES: readonly { syntax: string; meaning: string }[] = [
  { syntax: 'field:value', meaning: 'Field equals value (case-insensitive)' },
  { syntax: 'field:a,b', meaning: 'Any of the values' },
  { syntax: '* and ?', meaning: 'Wildcards: any text, one character' },
  { syntax: '-field:value, NOT', meaning: 'Negation' },
  { syntax: 'a OR b, ( )', meaning: 'Either; terms side by side must all match' },
  { syntax: 'field:*', meaning: 'The field has a value (-error:* means no error)' },
  { syntax: 'word, "two words"', meaning: 'Free text anywhere in the record' },
];

/** Whole queries that answer questions auditors ask; a click puts one in the query bar. */
export const HELP_EXAMPLES: readonly { query: string; question: string }[] = [
  { query: 'eventname:ConsoleLogin error:*', question: 'Failed console sign-ins' },
  { query: 'error:AccessDenied*,*UnauthorizedOperation since:24h', question: 'Denied calls in the last day' },
  { query: 'principaltype:Root -eventname:ConsoleLogin', question: 'What root did, besides signing in' },
  { query: 'eventname:CreateAccessKey,CreateLoginProfile,UpdateLoginProfile', question: 'New credentials for IAM users' },
  { query: 'eventname:GetPasswordData', question: 'Windows passwords read from EC2' },
  { query: 'source:cloudtrail eventname:StopLogging,DeleteTrail', question: 'Someone turning the trail off' },
];
