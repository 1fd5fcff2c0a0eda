import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateWords } from '../../lib/dates';
import { useProfile } from '../../lib/auth';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { useAdminSchools } from '../admin/admin-api';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import {
  addTerm,
  loadTerms,
  removeTerm,
  type DangerTerm,
  type DangerTermInput,
} from './danger-terms-api';
import { DangerTermForm } from './DangerTermForm';
import './danger-terms.css';

function TermList({
  terms,
  canRemove,
  onRemove,
}: {
  terms: DangerTerm[];
  canRemove: boolean;
  onRemove: (term: DangerTerm) => void;
}) {
  const { t } = useTranslation('danger-terms');
  const dates = useDateWords();
  if (terms.length === 0) return <p>{t('none')}</p>;
  return (
    <ul className="danger-terms">
      {terms.map((term) => (
        <li key={term.id} className="danger-term">
          <div>
            <p className="danger-term-phrase" lang={term.language}>
              {term.phrase}
            </p>
            <p>
              {t('termLine', {
                language: t(`languages.${term.language}`),
                category: t(`categories.${term.category}`),
              })}
            </p>
            <p className="hint">
              {term.createdBy
                ? t('addedBy', {
                    name: term.createdBy.displayName,
                    when: dates.moment(term.createdAt),
                  })
                : t('addedOn', { when: dates.moment(term.createdAt) })}
            </p>
          </div>
          {canRemove && (
            <button
              type="button"
              className="button danger"
              aria-label={t('removeNamed', { phrase: term.phrase })}
              onClick={() => onRemove(term)}
            >
              {t('remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The page itself, for admins: district admins change the terms, school admins read them. */
function DangerTermsContent() {
  const { t } = useTranslation('danger-terms');
  const profile = useProfile();
  const canChange = isDistrictAdmin(profile);
  const { schools, failed: schoolsFailed } = useAdminSchools();
  const districtId = schools?.[0]?.districtId;
  const [terms, setTerms] = useState<DangerTerm[] | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');

  const reload = useCallback(async () => {
    if (!districtId) return;
    setTerms(await loadTerms(districtId).catch(() => null));
  }, [districtId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (schoolsFailed)
    return (
      <Page title={t('title')}>
        <p>{t('loadFailed')}</p>
      </Page>
    );
  if (schools === undefined || (districtId && terms === undefined)) return <Loading />;

  const add = async (input: DangerTermInput) => {
    if (!districtId) return [];
    setStatus('');
    setFailed('');
    const result = await addTerm(districtId, input);
    if (!result.ok) return result.errors.length ? result.errors : [t('failed')];
    setStatus(t('added', { phrase: result.term?.phrase ?? input.phrase }));
    await reload();
    return [];
  };

  const remove = async (term: DangerTerm) => {
    if (!districtId) return;
    setStatus('');
    const result = await removeTerm(districtId, term.id);
    if (!result.ok) {
      setFailed(t('failed'));
      return;
    }
    setFailed('');
    setStatus(t('removed', { phrase: term.phrase }));
    await reload();
  };

  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro')}</p>
      <p>{canChange ? t('whoChanges') : t('readOnly')}</p>
      <p role="status" className={status ? 'notice ok' : undefined}>
        {status}
      </p>
      {failed && (
        <p role="alert" className="notice">
          {failed}
        </p>
      )}
      {!districtId ? (
        <p>{t('noSchools')}</p>
      ) : terms === null ? (
        <p>{t('loadFailed')}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="terms-title">
            <h2 id="terms-title">{t('listTitle')}</h2>
            <TermList
              terms={terms ?? []}
              canRemove={canChange}
              onRemove={(term) => void remove(term)}
            />
          </section>
          {canChange && <DangerTermForm onAdd={add} />}
        </>
      )}
    </Page>
  );
}

/** `/admin/danger-terms`: the district's own danger terms, on top of the built-in ones. */
export default function DangerTermsPage() {
  return (
    <RoleOnly allow={isAdmin}>
      <DangerTermsContent />
    </RoleOnly>
  );
}
