import type { JobSummary } from '../../../shared/ipc/channels/jobs';
import { Badge, type Tone } from '../../ui/Badge';

const states: Record<JobSummary['state'], { label: string; tone: Tone }> = {
  running: { label: 'Running', tone: 'blue' },
  paused: { label: 'Paused', tone: 'amber' },
  done: { label: 'Done', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export function JobStateBadge({ state }: { state: JobSummary['state'] }) {
  const { label, tone } = states[state];
  return <Badge tone={tone}>{label}</Badge>;
}
