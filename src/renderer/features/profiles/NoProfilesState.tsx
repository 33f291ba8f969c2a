import { FileIcon, ReloadIcon } from '../../ui/icons';
import { OpenDemoButton } from './OpenDemoButton';

export function NoProfilesState({ configFile, credentialsFile, onReload }: { configFile: string; credentialsFile: string; onReload: () => void }) {
  return (
    <div className="empty-state" data-testid="no-profiles">
      <FileIcon className="empty-state__icon" />
      <h2 className="empty-state__title">
        No AWS profiles found in{' '}
        <span className="empty-state__paths">
          <code>{configFile}</code> or <code>{credentialsFile}</code>
        </span>
      </h2>
      <p className="empty-state__text">
        Auditdesk reads the same files as the AWS CLI. Add a profile with <code>aws configure sso</code>, or point <code>AWS_CONFIG_FILE</code> and{' '}
        <code>AWS_SHARED_CREDENTIALS_FILE</code> at the files you use, then read them again.
      </p>
      <div className="empty-state__actions">
        <OpenDemoButton />
        <button type="button" className="button button--secondary" onClick={onReload}>
          <ReloadIcon /> Read the files again
        </button>
      </div>
    </div>
  );
}
