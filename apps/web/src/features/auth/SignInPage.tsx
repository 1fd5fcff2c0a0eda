import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useAuth } from '../../lib/auth';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Page } from '../layout/Page';
import { SchoolCodeForm } from '../report/SchoolCodeForm';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!username.trim()) missing.push({ field: 'username', message: t('usernameMissing') });
    if (!password) missing.push({ field: 'password', message: t('passwordMissing') });
    setErrors(missing);
    if (missing.length > 0) return;
    setBusy(true);
    const result = await signIn(username.trim(), password).catch(() => 'failed' as const);
    setBusy(false);
    if (result === 'signed-in') return;
    if (result === 'wrong-credentials')
      setErrors([{ field: 'username', message: t('wrongCredentials') }]);
    else if (result === 'failed') setErrors([{ message: t('failed') }]);
    else
      setErrors([
        { message: t('tooManyAttempts', { count: Math.ceil(result.retryAfterSeconds / 60) }) },
      ]);
  };

  return (
    <Page title={t('title')}>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="username"
          label={t('username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={errorFor(errors, 'username')}
        />
        <TextField
          id="password"
          label={t('password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errorFor(errors, 'password')}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {t('submit')}
        </button>
      </form>
      <section className="panel" aria-labelledby="no-account">
        <h2 id="no-account">{t('noAccountTitle')}</h2>
        <p>{t('noAccountBody')}</p>
        <SchoolCodeForm
          label={t('schoolCode')}
          hint={t('schoolCodeHint')}
          submit={t('reportAnonymously')}
        />
        <p>
          <Link href="/track">{t('trackLink')}</Link>
        </p>
      </section>
    </Page>
  );
}
