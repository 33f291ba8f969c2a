import { useEffect, useState } from 'react';
import type { Api } from '../api/api';
import type { ChannelOutput } from '../../shared/ipc/contract';

export function App({ api }: { api: Api }) {
  const [profiles, setProfiles] = useState<ChannelOutput<'profiles:list'>>();
  useEffect(() => {
    void api.invoke('profiles:list', {}).then(setProfiles);
  }, [api]);
  return (
    <main>
      <h1>Auditdesk</h1>
      <ul>{profiles?.profiles.map((p) => <li key={p.name}>{p.name} ({p.kind})</li>)}</ul>
    </main>
  );
}
