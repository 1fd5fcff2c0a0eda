import { CriticalAlerts } from './CriticalAlerts';
import { LiveProvider } from './LiveProvider';

/** The live stream and the critical alerts: the code only caseworkers load. */
export default function StaffLive() {
  return (
    <>
      <LiveProvider />
      <CriticalAlerts />
    </>
  );
}
