import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api-client';
import { Checkbox } from '../forms/Checkbox';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Page } from '../layout/Page';
import { TrackedReport } from './TrackedReport';

async function lookUp(trackingCode: string) {
  return api.POST('/api/v1/public/reports/status', { body: { trackingCode } });
}

/** The reporter's view of their report with its messages, as the typed client knows it. */
export type TrackedView = NonNullable<Awaited<ReturnType<typeof lookUp>>['data']>;

/** Minutes to wait, from the server's Retry-After (seconds), at least one. */
function waitMinutes(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After') ?? '60');
  return Math.max(1, Math.ceil((Number.isFinite(seconds) ? seconds : 60) / 60));
}

/**
 * `/track` (printed on posters): an anonymous reporter types their tracking
 * code to see their report and talk with the school. The code lives in this
 * page's memory only: never in the address, never stored; "Forget this code"
 * drops it.
 */
export default function TrackPage() {
  const { t } = useTranslation('track');
  const [code, setCode] = useState('');
  const [shown, setShown] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  /** The report on screen and its code, kept apart from the field, which is emptied. */
  const [open, setOpen] = useState<{ view: TrackedView; code: string } | null>(null);
  const [forgotten, setForgotten] = useState(false);

  /** Reads the report again (after a reply or an upload); problems go to the summary. */
  const load = async (trackingCode: string): Promise<boolean> => {
    setBusy(true);
    try {
      const { data, response } = await lookUp(trackingCode);
      if (data) {
        setOpen({ view: data, code: trackingCode });
        setErrors([]);
        return true;
      }
      if (response.status === 404) setErrors([{ field: 'tracking-code', message: t('notFound') }]);
      else if (response.status === 429)
        setErrors([{ message: t('tooMany', { count: waitMinutes(response) }) }]);
      else if (response.status === 400)
        setErrors([{ field: 'tracking-code', message: t('notFound') }]);
      else setErrors([{ message: t('failed') }]);
    } catch {
      setErrors([{ message: t('offline') }]);
    } finally {
      setBusy(false);
    }
    return false;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setForgotten(false);
    const trackingCode = code.trim();
    if (!trackingCode) return setErrors([{ field: 'tracking-code', message: t('codeMissing') }]);
    if (await load(trackingCode)) setCode('');
  };

  const forget = () => {
    setOpen(null);
    setCode('');
    setShown(false);
    setErrors([]);
    setForgotten(true);
  };

  if (open) {
    const reopen = open.code;
    return (
      <TrackedReport
        key={open.view.reference}
        view={open.view}
        trackingCode={open.code}
        onReload={() => load(reopen)}
        errors={errors}
        busy={busy}
        onForget={forget}
      />
    );
  }

  return (
    <Page title={t('title')}>
      <ErrorSummary errors={errors} />
      {forgotten && (
        <p className="notice ok" role="status">
          {t('forgotten')}
        </p>
      )}
      <p>{t('lead')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="tracking-code"
          label={t('code')}
          hint={t('codeHint')}
          // Not type=password: the browser would offer to keep the code in its password manager.
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          className={shown ? 'code-input' : 'code-input masked'}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errorFor(errors, 'tracking-code')}
        />
        <Checkbox
          id="show-code"
          label={t('showCode')}
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <button type="submit" className="button primary big" disabled={busy}>
          {busy ? t('checking') : t('submit')}
        </button>
      </form>
      <p className="hint">{t('lostCode')}</p>
    </Page>
  );
}
