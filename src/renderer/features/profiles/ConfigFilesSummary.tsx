import { FileIcon } from '../../ui/icons';

/** Which files were read: the first thing to check when a profile is missing. */
export function ConfigFilesSummary({ configFile, credentialsFile }: { configFile: string; credentialsFile: string }) {
  return (
    <dl className="files-read" aria-label="Files read">
      <div className="files-read__item">
        <dt>
          <FileIcon /> Config
        </dt>
        <dd>
          <code>{configFile}</code>
        </dd>
      </div>
      <div className="files-read__item">
        <dt>
          <FileIcon /> Credentials
        </dt>
        <dd>
          <code>{credentialsFile}</code>
        </dd>
      </div>
    </dl>
  );
}
