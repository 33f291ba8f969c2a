import { ActivityView } from '../features/activity/ActivityView';
import { EventsView } from '../features/events/EventsView';
import { FindingsView } from '../features/findings/FindingsView';
import { ProfilesView } from '../features/profiles/ProfilesView';
import { ReportsView } from '../features/reports/ReportsView';
import type { RouteId } from './routes';

export function ViewForRoute({ route }: { route: RouteId }) {
  switch (route) {
    case 'profiles':
      return <ProfilesView />;
    case 'activity':
      return <ActivityView />;
    case 'events':
      return <EventsView />;
    case 'findings':
      return <FindingsView />;
    case 'reports':
      return <ReportsView />;
  }
}
