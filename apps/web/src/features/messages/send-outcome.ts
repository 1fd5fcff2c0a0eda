import type { SendOutcome } from './ReplyForm';

/**
 * How the API answered a message sent from any page: sent, the case closed
 * meanwhile (409), too many messages in a short time (429), or it failed.
 */
export function sendOutcome(response: Pick<Response, 'ok' | 'status'>): SendOutcome {
  if (response.ok) return 'sent';
  if (response.status === 409) return 'closed';
  if (response.status === 429) return 'tooMany';
  return 'failed';
}
