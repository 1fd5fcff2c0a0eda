import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDateWords } from '../../lib/dates';
import { Checkbox } from '../forms/Checkbox';
import { ErrorSummary, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import {
  group,
  loadRelated,
  type GroupOutcome,
  type Related,
  type RelatedMember,
  type Suggestion,
} from './related-api';
import './related.css';

const OPEN = ['submitted', 'triaged', 'investigating'];

/** Why a report is suggested, in words: "Same place · Same day · Similar wording (72%)". */
function useReasons() {
  const { t } = useTranslation('related');
  return (suggestion: Suggestion) => {
    const { sharedStudents, sameLocation, daysApart, textSimilarity } = suggestion.reasons;
    const words: string[] = [];
    if (sharedStudents > 0) words.push(t('reason.students', { count: sharedStudents }));
    if (sameLocation) words.push(t('reason.place'));
    words.push(
      daysApart < 1 ? t('reason.sameDay') : t('reason.days', { count: Math.round(daysApart) }),
    );
    if (textSimilarity >= 0.2) {
      words.push(t('reason.text', { percent: Math.round(textSimilarity * 100) }));
    }
    if (suggestion.grouped) words.push(t('reason.grouped'));
    return words.join(' · ');
  };
}

/**
 * Related reports, for staff: the group of reports this case shares its
 * investigation with (primary marked, each a link), the likely related open
 * reports of the school with the reasons, to link many at once, and unlinking
 * with a confirmation.
 */
export function RelatedReports({
  incidentId,
  onChanged,
}: {
  incidentId: string;
  /** After a change: the case page reloads (its timeline shows the link). */
  onChanged?: (message: string) => Promise<void> | void;
}) {
  const { t } = useTranslation('related');
  const [related, setRelated] = useState<Related | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [leaving, setLeaving] = useState<RelatedMember | null>(null);
  const [newPrimary, setNewPrimary] = useState('');
  const confirmBox = useRef<HTMLDivElement>(null);
  const reasons = useReasons();

  const refresh = useCallback(async () => {
    const answer = await loadRelated(incidentId);
    setFailed(!answer);
    if (!answer) return;
    setRelated(answer.related);
    setSuggestions(answer.suggestions);
    setChosen((before) => before.filter((id) => answer.suggestions.some((s) => s.id === id)));
  }, [incidentId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (leaving) confirmBox.current?.focus();
  }, [leaving]);

  const after = async (outcome: GroupOutcome, message: string) => {
    if (outcome.kind === 'refused') {
      setErrors(outcome.messages.map((text) => ({ message: text })));
      return;
    }
    if (outcome.kind === 'failed') {
      setErrors([{ message: t('failed') }]);
      return;
    }
    setErrors([]);
    setLeaving(null);
    setNewPrimary('');
    await refresh();
    // The case page announces it when it reloads the case; alone, the panel does.
    if (onChanged) await onChanged(message);
    else setAnnouncement(message);
  };

  const link = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return setErrors([{ message: t('noneChosen') }]);
    setBusy(true);
    const outcome = await group.link(incidentId, chosen);
    setBusy(false);
    await after(outcome, t('linked', { count: chosen.length }));
  };

  const unlink = async () => {
    if (!leaving) return;
    setBusy(true);
    const outcome = await group.unlink(incidentId, {
      incidentId: leaving.id,
      ...(newPrimary ? { newPrimaryId: newPrimary } : {}),
    });
    setBusy(false);
    await after(outcome, t('unlinked', { reference: leaving.reference }));
  };

  const makePrimary = async (member: RelatedMember) => {
    setBusy(true);
    const outcome = await group.makePrimary(incidentId, member.id);
    setBusy(false);
    await after(outcome, t('primaryChanged', { reference: member.reference }));
  };

  const members = related?.members ?? [];
  const needsNewPrimary = !!leaving?.primary && members.length > 2;

  return (
    <section aria-labelledby="related-title" className="panel related-reports">
      <h2 id="related-title">{t('title')}</h2>
      <p role="status" className="related-status">
        {announcement}
      </p>
      {failed && <p>{t('loadFailed')}</p>}
      <ErrorSummary errors={errors} />
      <h3>{t('group.title')}</h3>
      {members.length === 0 ? (
        <p>{t('group.none')}</p>
      ) : (
        <>
          <p>{t('group.shared', { count: members.length })}</p>
          <ul className="plain-list related-members">
            {members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                current={member.id === incidentId}
                busy={busy}
                onUnlink={() => {
                  setErrors([]);
                  setNewPrimary('');
                  setLeaving(member);
                }}
                onMakePrimary={() => void makePrimary(member)}
              />
            ))}
          </ul>
        </>
      )}
      {leaving && (
        <div
          className="notice warn related-confirm"
          role="group"
          aria-labelledby="related-confirm-title"
          tabIndex={-1}
          ref={confirmBox}
        >
          <h4 id="related-confirm-title">
            {t('unlink.confirmTitle', { reference: leaving.reference })}
          </h4>
          <p>{members.length <= 2 ? t('unlink.dissolves') : t('unlink.body')}</p>
          {needsNewPrimary && (
            <SelectField
              id="related-new-primary"
              label={t('unlink.newPrimary')}
              value={newPrimary}
              onChange={(event) => setNewPrimary(event.target.value)}
              options={[
                { value: '', label: t('unlink.choose') },
                ...members
                  .filter((m) => m.id !== leaving.id && OPEN.includes(m.status))
                  .map((m) => ({ value: m.id, label: m.reference })),
              ]}
            />
          )}
          <div className="related-actions">
            <button
              type="button"
              className="button primary"
              disabled={busy || (needsNewPrimary && !newPrimary)}
              onClick={() => void unlink()}
            >
              {t('unlink.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setLeaving(null)}>
              {t('unlink.cancel')}
            </button>
          </div>
        </div>
      )}
      <h3>{t('suggestions.title')}</h3>
      {suggestions.length === 0 ? (
        <p>{t('suggestions.none')}</p>
      ) : (
        <form className="stack" noValidate onSubmit={(event) => void link(event)}>
          <fieldset className="related-suggestions">
            <legend>{t('suggestions.legend', { count: suggestions.length })}</legend>
            {suggestions.map((suggestion) => (
              <Checkbox
                key={suggestion.id}
                id={`related-${suggestion.id}`}
                label={t('suggestions.item', {
                  reference: suggestion.reference,
                  percent: Math.round(suggestion.score * 100),
                })}
                hint={reasons(suggestion)}
                checked={chosen.includes(suggestion.id)}
                onChange={(event) =>
                  setChosen((before) =>
                    event.target.checked
                      ? [...before, suggestion.id]
                      : before.filter((id) => id !== suggestion.id),
                  )
                }
              />
            ))}
          </fieldset>
          <div className="related-actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                setChosen(chosen.length === suggestions.length ? [] : suggestions.map((s) => s.id))
              }
            >
              {chosen.length === suggestions.length
                ? t('suggestions.none_chosen')
                : t('suggestions.all')}
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {t('suggestions.link', { count: chosen.length })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** On a note or intervention of the shared investigation: the related report it was written on. */
export function WrittenOn({ reference }: { reference: string }) {
  const { t } = useTranslation('related');
  return <p className="related-written-on">{t('writtenOn', { reference })}</p>;
}

function MemberRow({
  member,
  current,
  busy,
  onUnlink,
  onMakePrimary,
}: {
  member: RelatedMember;
  current: boolean;
  busy: boolean;
  onUnlink: () => void;
  onMakePrimary: () => void;
}) {
  const { t } = useTranslation('related');
  const dates = useDateWords();
  return (
    <li className="related-member">
      <div>
        {current ? (
          <strong>{t('group.thisCase', { reference: member.reference })}</strong>
        ) : (
          <Link href={`/cases/${member.id}`}>{member.reference}</Link>
        )}
        {member.primary && <span className="related-primary">{t('group.primary')}</span>}
      </div>
      <p className="related-facts">
        {t(`status.${member.status}`)} · {t(`reporter.${member.reporterKind}`)} ·{' '}
        {t('group.filed', { when: dates.moment(member.createdAt) })}
      </p>
      <div className="related-actions">
        {!member.primary && OPEN.includes(member.status) && (
          <button type="button" className="button" disabled={busy} onClick={onMakePrimary}>
            {t('group.makePrimary')}
            <span className="visually-hidden"> {member.reference}</span>
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={onUnlink}>
          {t('group.unlink')}
          <span className="visually-hidden"> {member.reference}</span>
        </button>
      </div>
    </li>
  );
}
