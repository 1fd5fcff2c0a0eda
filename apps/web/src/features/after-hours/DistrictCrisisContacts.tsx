import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { apiFieldErrors } from '../forms/api-errors';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Loading } from '../layout/Loading';
import './after-hours.css';

const MAX_CONTACTS = 10;
const PHONE = /^(?=.*\d)[\d +().-]{3,40}$/;

interface Row {
  key: number;
  name: string;
  phone: string;
  hours: string;
}

let lastKey = 0;
const key = () => ++lastKey;

/**
 * A district admin's crisis contacts for the whole district: shown to the
 * families and reporters of each school that lists none of its own.
 */
export function DistrictCrisisContacts({ districtId }: { districtId: string }) {
  const { t } = useTranslation('after-hours');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);

  useEffect(() => {
    let live = true;
    void api
      .GET('/api/v1/districts/{id}/crisis-contacts', { params: { path: { id: districtId } } })
      .then(({ data }) => {
        if (live && data)
          setRows(data.crisisContacts.map((c) => ({ key: key(), ...c, hours: c.hours ?? '' })));
      });
    return () => {
      live = false;
    };
  }, [districtId]);

  if (!rows) return <Loading />;
  const update = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const problems: FieldError[] = [];
    rows.forEach((row, index) => {
      const n = index + 1;
      if (!row.name.trim())
        problems.push({
          field: `district-contact-name-${row.key}`,
          message: t('district.nameMissing', { n }),
        });
      if (!PHONE.test(row.phone.trim()))
        problems.push({
          field: `district-contact-phone-${row.key}`,
          message: t('district.phoneRule', { n }),
        });
    });
    setErrors(problems);
    if (problems.length > 0) return;
    setSending(true);
    const { data, error } = await api
      .PUT('/api/v1/districts/{id}/crisis-contacts', {
        params: { path: { id: districtId } },
        body: {
          crisisContacts: rows.map((row) => ({
            name: row.name.trim(),
            phone: row.phone.trim(),
            hours: row.hours.trim() || null,
          })),
        },
      })
      .finally(() => setSending(false));
    if (!data) return setErrors(apiFieldErrors(error, t('district.failed')));
    setRows(data.crisisContacts.map((c) => ({ key: key(), ...c, hours: c.hours ?? '' })));
    setStatus(t('district.saved'));
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate className="stack">
      <section className="panel" aria-labelledby="district-contacts-title">
        <h2 id="district-contacts-title">{t('district.title')}</h2>
        <p className="hint">{t('district.lead')}</p>
        <ErrorSummary errors={errors} />
        {rows.length === 0 && <p>{t('district.none')}</p>}
        {rows.map((row, index) => (
          <fieldset key={row.key} className="admin-row">
            <legend>{t('district.legendOf', { n: index + 1 })}</legend>
            <TextField
              id={`district-contact-name-${row.key}`}
              label={t('district.name')}
              value={row.name}
              maxLength={100}
              onChange={(event) => update(index, { name: event.target.value })}
              error={errorFor(errors, `district-contact-name-${row.key}`)}
            />
            <TextField
              id={`district-contact-phone-${row.key}`}
              label={t('district.phone')}
              type="tel"
              value={row.phone}
              maxLength={40}
              onChange={(event) => update(index, { phone: event.target.value })}
              error={errorFor(errors, `district-contact-phone-${row.key}`)}
            />
            <TextField
              id={`district-contact-hours-${row.key}`}
              label={t('district.when')}
              value={row.hours}
              maxLength={100}
              onChange={(event) => update(index, { hours: event.target.value })}
            />
            <button
              type="button"
              className="link-button"
              onClick={() => setRows(rows.filter((_, i) => i !== index))}
            >
              {t('district.remove', {
                name: row.name.trim() || t('district.legendOf', { n: index + 1 }),
              })}
            </button>
          </fieldset>
        ))}
        {rows.length < MAX_CONTACTS && (
          <button
            type="button"
            className="button"
            onClick={() => setRows([...rows, { key: key(), name: '', phone: '', hours: '' }])}
          >
            {t('district.add')}
          </button>
        )}
        <button type="submit" className="button primary" disabled={sending}>
          {t('district.save')}
        </button>
        <p role="status" className={status ? 'notice ok' : undefined}>
          {status}
        </p>
      </section>
    </form>
  );
}
