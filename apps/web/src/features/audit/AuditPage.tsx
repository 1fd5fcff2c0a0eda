import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { navigateInPlace } from '../../app/history';
import { useDateWords } from '../../lib/dates';
import { mayReadAudit } from '../../lib/roles';
import { usePaged } from '../../lib/usePaged';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { ShowMore } from '../layout/ShowMore';
import {
  auditAddress,
  filtersFrom,
  findCase,
  KNOWN_ACTIONS,
  loadAudit,
  type AuditEntry,
  type AuditFilters,
} from './audit-api';
import './audit.css';

/** What happened, in words; an action the page does not know shows its code. */
function useActionWords() {
  const { t } = useTranslation('audit');
  return useCallback(
    (action: string) =>
      (KNOWN_ACTIONS as readonly string[]).includes(action)
        ? t(`action.${action.replace('.', '_')}`)
        : action,
    [t],
  );
}

function EntryItem({
  entry,
  onActor,
}: {
  entry: AuditEntry;
  onActor: (actor: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation('audit');
  const dates = useDateWords();
  const words = useActionWords();
  const name = entry.actor ? (entry.actor.displayName ?? t('entry.unknownAccount')) : null;
  return (
    <li className="audit-entry">
      <p className="audit-when">
        <time dateTime={entry.at}>{dates.moment(entry.at)}</time>
      </p>
      <p className="audit-what">
        {entry.actor && name ? (
          <button
            type="button"
            className="link-button audit-actor"
            onClick={() => onActor({ id: entry.actor!.id, name })}
          >
            {name}
            <span className="visually-hidden"> {t('entry.onlyThisPerson')}</span>
          </button>
        ) : (
          <span className="audit-actor">{t('entry.noActor')}</span>
        )}
        <span className="audit-action">{words(entry.action)}</span>
      </p>
      {entry.incidentId && (
        <p className="audit-case">
          <Link href={`/cases/${entry.incidentId}`}>
            {t('entry.caseLink', { reference: entry.incidentReference ?? entry.incidentId })}
          </Link>
        </p>
      )}
    </li>
  );
}

/**
 * `/audit`: for school admins, who read or changed what in their schools,
 * newest first, filtered by case, person, kind or action and days; the
 * address keeps the filters. A name in the list filters by that person.
 */
function AuditContent() {
  const { t } = useTranslation('audit');
  const words = useActionWords();
  const search = useSearch();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [errors, setErrors] = useState<FieldError[]>([]);
  /** The case the reference filter names, found with the first page. */
  const incident = useRef<string | undefined>(undefined);
  const results = usePaged<AuditEntry>(
    async ({ cursor, isCurrent }) => {
      if (cursor === null) {
        incident.current = undefined;
        if (filters.ref) {
          const found = await findCase(filters.ref);
          if (!isCurrent() || found.kind === 'failed') return null;
          if (found.kind === 'missing') {
            setErrors([
              { field: 'audit-ref', message: t('filters.refNotFound', { ref: filters.ref }) },
            ]);
            return { items: [], nextCursor: null };
          }
          incident.current = found.id;
        }
      }
      return loadAudit(filters, incident.current, cursor);
    },
    [filters],
  );

  useEffect(() => setDraft(filters), [filters]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (draft.from && draft.to && draft.from > draft.to)
      problems.push({ field: 'audit-to', message: t('filters.toBeforeFrom') });
    setErrors(problems);
    if (problems.length === 0) navigateInPlace(auditAddress({ ...draft, ref: draft.ref.trim() }));
  };
  const byActor = (actor: { id: string; name: string }) => {
    setErrors([]);
    navigateInPlace(auditAddress({ ...filters, actor: actor.id, who: actor.name }));
  };
  const everyone = () => navigateInPlace(auditAddress({ ...filters, actor: '', who: '' }));
  const set = (patch: Partial<AuditFilters>) => setDraft((previous) => ({ ...previous, ...patch }));

  return (
    <Page title={t('title')} wide>
      <p>{t('lead')}</p>
      <ErrorSummary errors={errors} />
      <form className="audit-filters" onSubmit={apply} noValidate aria-labelledby="filters-title">
        <h2 id="filters-title" className="small-heading">
          {t('filters.title')}
        </h2>
        <div className="audit-filter-grid">
          <TextField
            id="audit-ref"
            label={t('filters.ref')}
            hint={t('filters.refHint')}
            autoComplete="off"
            maxLength={40}
            value={draft.ref}
            onChange={(event) => set({ ref: event.target.value })}
            error={errorFor(errors, 'audit-ref')}
          />
          <SelectField
            id="audit-kind"
            label={t('filters.kind')}
            value={draft.kind}
            onChange={(event) => set({ kind: event.target.value as AuditFilters['kind'] })}
            options={[
              { value: '', label: t('filters.kindAll') },
              { value: 'read', label: t('filters.kindRead') },
              { value: 'change', label: t('filters.kindChange') },
            ]}
          />
          <SelectField
            id="audit-action"
            label={t('filters.action')}
            value={draft.action}
            onChange={(event) => set({ action: event.target.value })}
            options={[
              { value: '', label: t('filters.actionAll') },
              ...KNOWN_ACTIONS.map((action) => ({ value: action, label: words(action) })),
            ]}
          />
          <TextField
            id="audit-from"
            type="date"
            label={t('filters.from')}
            value={draft.from}
            onChange={(event) => set({ from: event.target.value })}
          />
          <TextField
            id="audit-to"
            type="date"
            label={t('filters.to')}
            value={draft.to}
            onChange={(event) => set({ to: event.target.value })}
            error={errorFor(errors, 'audit-to')}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button primary">
            {t('filters.apply')}
          </button>
          <Link href="/audit" className="link-button" onClick={() => setErrors([])}>
            {t('filters.clear')}
          </Link>
        </div>
      </form>
      {filters.actor && (
        <p className="notice audit-person">
          {t('filters.onlyPerson', { name: filters.who || t('filters.onePerson') })}{' '}
          <button type="button" className="link-button" onClick={everyone}>
            {t('filters.everyone')}
          </button>
        </p>
      )}
      <section aria-labelledby="entries-title">
        <h2 id="entries-title">{t('entries.title')}</h2>
        {results.items === undefined ? (
          <Loading />
        ) : results.failed && results.items.length === 0 ? (
          <p className="notice warn" role="alert">
            {t('entries.failed')}
          </p>
        ) : (
          <>
            <p role="status" className="status-line">
              {results.hasMore
                ? t('entries.shownMore', { count: results.items.length })
                : t('entries.shown', { count: results.items.length })}
            </p>
            {results.items.length > 0 && (
              <ul className="audit-list">
                {results.items.map((entry) => (
                  <EntryItem key={entry.id} entry={entry} onActor={byActor} />
                ))}
              </ul>
            )}
            <ShowMore
              hasMore={results.hasMore}
              loadingMore={results.loadingMore}
              failed={results.failed}
              onMore={results.loadMore}
              labels={{
                more: t('entries.more'),
                loading: t('entries.loading'),
                failed: t('entries.moreFailed'),
              }}
            />
          </>
        )}
      </section>
    </Page>
  );
}

export default function AuditPage() {
  return (
    <RoleOnly allow={mayReadAudit}>
      <AuditContent />
    </RoleOnly>
  );
}
