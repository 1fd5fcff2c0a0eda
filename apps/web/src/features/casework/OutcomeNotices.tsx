import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessages, type Schemas } from '../../lib/api-client';
import { useDateWords } from '../../lib/dates';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextArea } from '../forms/TextArea';
import type { StaffView } from './casework-api';
import './outcome-notices.css';

type InvolvedFamily = Schemas['InvolvedFamilyView'];

/** The longest summary the API takes. */
const SUMMARY_MAX = 5_000;

const path = (id: string) => ({ params: { path: { id } } });

async function loadFamilies(incidentId: string): Promise<InvolvedFamily[] | null> {
  const { data } = await api
    .GET('/api/v1/incidents/{id}/outcome-notices', path(incidentId))
    .catch(() => ({ data: undefined }));
  return data ?? null;
}

type Sent = { kind: 'sent'; families: InvolvedFamily[] } | { kind: 'refused'; messages: string[] };

async function sendNotice(incidentId: string, studentId: string, summary: string): Promise<Sent> {
  try {
    const { data, error } = await api.POST('/api/v1/incidents/{id}/outcome-notices', {
      ...path(incidentId),
      body: { notices: [{ studentId, summary }] },
    });
    if (data) return { kind: 'sent', families: data };
    return { kind: 'refused', messages: errorMessages(error) };
  } catch {
    return { kind: 'refused', messages: [] };
  }
}

/** One family: who they are, whether they were told, and the box to tell them. */
function FamilyNotice({
  family,
  incidentId,
  canSend,
  onSent,
}: {
  family: InvolvedFamily;
  incidentId: string;
  canSend: boolean;
  onSent: (families: InvolvedFamily[], name: string) => Promise<void>;
}) {
  const { t } = useTranslation('outcome-notices');
  const dates = useDateWords();
  const [draft, setDraft] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const name = family.student.displayName;
  const fieldId = `outcome-notice-${family.student.id}`;
  const titleId = `${fieldId}-title`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const summary = draft.trim();
    if (!summary) return setErrors([{ field: fieldId, message: t('missing', { name }) }]);
    if (summary.length > SUMMARY_MAX)
      return setErrors([{ field: fieldId, message: t('tooLong', { max: SUMMARY_MAX }) }]);
    setBusy(true);
    const sent = await sendNotice(incidentId, family.student.id, summary);
    setBusy(false);
    if (sent.kind === 'refused') {
      const messages = sent.messages.length > 0 ? sent.messages : [t('failed')];
      return setErrors(messages.map((message) => ({ field: fieldId, message })));
    }
    setErrors([]);
    setDraft('');
    await onSent(sent.families, name);
  };

  return (
    <li className="family-notice">
      <h3 id={titleId}>
        {t('family', { name })}{' '}
        <span className="family-roles">
          ({family.roles.map((role) => t(`casework:parties.role.${role}`)).join(', ')})
        </span>
      </h3>
      <p>
        {family.guardians.length > 0
          ? t('guardians', {
              names: family.guardians
                .map((guardian) => `${guardian.displayName} (${t(`language.${guardian.locale}`)})`)
                .join(', '),
            })
          : t('noGuardian')}
      </p>
      {family.notice ? (
        <>
          <p className="notice-state notice-sent">
            <span className="notice-tag">{t('state.sent')}</span>{' '}
            {t('sentOn', {
              date: dates.day(family.notice.sentAt),
              by: family.notice.sentBy?.displayName ?? t('someone'),
            })}
            {family.noticesSent > 1 && ` ${t('corrections', { count: family.noticesSent - 1 })}`}
          </p>
          <p className="quoted pre-wrap">{family.notice.summary}</p>
        </>
      ) : (
        <p className="notice-state notice-unsent">
          <span className="notice-tag">{t('state.unsent')}</span>
        </p>
      )}
      {canSend && family.guardians.length > 0 && (
        <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary errors={errors} />
          <TextArea
            id={fieldId}
            label={t(family.notice ? 'correctLabel' : 'label', { name })}
            hint={t('hint')}
            rows={4}
            value={draft}
            error={errorFor(errors, fieldId)}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('sending') : t(family.notice ? 'correct' : 'send', { name })}
          </button>
        </form>
      )}
    </li>
  );
}

/**
 * Outcome notices (`/cases/:id`, staff): every involved family (the parents
 * of each linked student), whether the school has told them the outcome for
 * their child, and, once the case is resolved and until it is closed, a box
 * per family to write and send it. The reporter's family has the summary
 * written at resolve.
 */
export function OutcomeNotices({
  view,
  onSent,
}: {
  view: StaffView;
  onSent: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation('outcome-notices');
  const [families, setFamilies] = useState<InvolvedFamily[] | null | 'failed'>(null);

  const load = useCallback(async () => {
    setFamilies((await loadFamilies(view.id)) ?? 'failed');
  }, [view.id]);

  useEffect(() => {
    void load();
  }, [load, view.version]);

  const canSend = view.status === 'resolved';
  const sent = async (fresh: InvolvedFamily[], name: string) => {
    setFamilies(fresh);
    await onSent(t('sentTo', { name }));
  };

  return (
    <section aria-labelledby="outcome-notices-title" className="panel outcome-notices">
      <h2 id="outcome-notices-title">{t('title')}</h2>
      <p className="hint">{t(canSend ? 'lead' : view.status === 'closed' ? 'closed' : 'notYet')}</p>
      {families === null && <p>{t('loading')}</p>}
      {families === 'failed' && <p className="notice warn">{t('loadFailed')}</p>}
      {Array.isArray(families) && families.length === 0 && <p>{t('none')}</p>}
      {Array.isArray(families) && families.length > 0 && (
        <>
          <p className="notice-count">
            {t('count', {
              sent: families.filter((family) => family.notice).length,
              count: families.length,
            })}
          </p>
          <ul className="family-notices">
            {families.map((family) => (
              <FamilyNotice
                key={family.student.id}
                family={family}
                incidentId={view.id}
                canSend={canSend}
                onSent={sent}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
