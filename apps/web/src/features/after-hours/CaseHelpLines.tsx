import { useEffect, useState } from 'react';
import { api } from '../../lib/api-client';
import { HelpLines, type Help } from './HelpLines';

/** The help lines of a case's school, for the family and reporter case page (`GET /incidents/:id/help`). */
export function CaseHelpLines({ incidentId }: { incidentId: string }) {
  const [help, setHelp] = useState<Help | null>(null);
  useEffect(() => {
    let live = true;
    void api
      .GET('/api/v1/incidents/{id}/help', { params: { path: { id: incidentId } } })
      .then(({ data }) => {
        if (live && data) setHelp(data);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [incidentId]);
  return help ? <HelpLines help={help} /> : null;
}
