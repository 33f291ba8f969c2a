/** The sessions feature, for the shell and the Profiles view to mount. */
export { SessionsPanel } from './SessionsPanel';
export { MfaPromptHost } from './MfaPromptDialog';
export { SessionStatusBadge } from './SessionStatusBadge';
export { ExpiryCountdown } from './ExpiryCountdown';
export { DeviceCodeBox } from './DeviceCodeBox';
export { DiscoveryList } from './DiscoveryList';
export { PreflightTable } from './PreflightTable';
