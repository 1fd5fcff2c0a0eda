import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import type { Message } from '../cases/case-api';
import { MessageList } from '../messages/MessageList';
import { ReplyForm, type SendOutcome } from '../messages/ReplyForm';
import { sendOutcome } from '../messages/send-outcome';
import type { StaffView } from './casework-api';

/**
 * The conversations with the families: the reporter's thread (their parents
 * read it too), and one per student linked to a student record (targets,
 * aggressors and witnesses), with that student's parents. Each has its own
 * box to answer.
 */
export function Threads({
  view,
  messages,
  onSent,
}: {
  view: StaffView;
  messages: Message[] | null;
  onSent: () => Promise<void>;
}) {
  const { t } = useTranslation('casework');
  // One thread per linked student, whatever their parts (the parties come ordered by role).
  const linked = new Map<string, { name: string; roles: string[] }>();
  for (const party of view.parties) {
    if (!party.student) continue;
    const entry = linked.get(party.student.id) ?? { name: party.student.displayName, roles: [] };
    if (!entry.roles.includes(party.role)) entry.roles.push(party.role);
    linked.set(party.student.id, entry);
  }
  const threads: { key: string; studentId: string | null; who: string }[] = [
    {
      key: 'reporter',
      studentId: null,
      who:
        view.reporterKind === 'anonymous'
          ? t('threads.anonymous')
          : t('threads.reporter', { name: view.reporter?.displayName ?? '' }),
    },
    ...[...linked].map(([studentId, { name, roles }]) => ({
      key: studentId,
      studentId,
      who: `${t('threads.family', { name })} (${roles.map((role) => t(`parties.role.${role}`)).join(', ')})`,
    })),
  ];

  const send =
    (studentId: string | null) =>
    async (body: string): Promise<SendOutcome> => {
      const { response } = await api.POST('/api/v1/incidents/{id}/messages', {
        params: { path: { id: view.id } },
        body: studentId ? { body, familyOfStudentId: studentId } : { body },
      });
      const outcome = sendOutcome(response);
      if (outcome === 'sent') await onSent();
      return outcome;
    };

  return (
    <section aria-labelledby="threads-title" className="panel">
      <h2 id="threads-title">{t('threads.title')}</h2>
      <p className="hint">{t('threads.lead')}</p>
      {messages === null && <p className="notice warn">{t('threads.failed')}</p>}
      {threads.map((thread) => {
        const titleId = `thread-${thread.key}-title`;
        return (
          <section key={thread.key} aria-labelledby={titleId} className="thread">
            <h3 id={titleId}>{t('threads.with', { who: thread.who })}</h3>
            {messages && (
              <MessageList
                messages={messages.filter(
                  (message) => (message.threadStudentId ?? null) === thread.studentId,
                )}
              />
            )}
            {view.status === 'closed' ? (
              <p className="notice">{t('threads.closed')}</p>
            ) : (
              <ReplyForm
                id={`reply-${thread.key}`}
                label={t('threads.write', { who: thread.who })}
                hint={t('threads.hint')}
                onSend={send(thread.studentId)}
              />
            )}
          </section>
        );
      })}
    </section>
  );
}
