import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberAccessToken } from '../../lib/access-token';
import { api, errorMessages } from '../../lib/api-client';
import { useAuth, useProfile } from '../../lib/auth';
import { LANGUAGES, type Language } from '../../lib/i18n';
import { ErrorSummary, errorFor, type FieldError } from '../forms/ErrorSummary';
import { TextField } from '../forms/TextField';
import { Page } from '../layout/Page';

function LanguageSetting() {
  const { t } = useTranslation('settings');
  const profile = useProfile();
  const { reloadProfile } = useAuth();
  const [selected, setSelected] = useState<Language>(profile.locale);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);

  // Choosing only selects (WCAG 3.2.2): the language changes when the user saves it.
  const choose = (locale: Language) => {
    setSelected(locale);
    setSaved(false);
    setFailed(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { error } = await api.PATCH('/api/v1/me', { body: { locale: selected } });
    setFailed(Boolean(error));
    if (error) return;
    await reloadProfile();
    setSaved(true);
  };

  return (
    <section className="panel" aria-labelledby="language-title">
      <h2 id="language-title">{t('languageTitle')}</h2>
      <form onSubmit={(event) => void save(event)} className="stack">
        <fieldset className="choices">
          <legend>{t('languageLegend')}</legend>
          {LANGUAGES.map((language) => (
            <label key={language} className="choice" lang={language}>
              <input
                type="radio"
                name="language"
                value={language}
                checked={selected === language}
                onChange={() => choose(language)}
              />
              {t(`common:language.name.${language}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary">
          {t('saveLanguage')}
        </button>
        <p role="status">{saved ? t('languageSaved') : failed ? t('saveFailed') : ''}</p>
      </form>
    </section>
  );
}

function PasswordSetting() {
  const { t } = useTranslation('settings');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const missing: FieldError[] = [];
    if (!current) missing.push({ field: 'current-password', message: t('currentMissing') });
    if (!next) missing.push({ field: 'new-password', message: t('newMissing') });
    setErrors(missing);
    if (missing.length > 0) return;
    const { data, error, response } = await api.POST('/api/v1/auth/session/password', {
      body: { currentPassword: current, newPassword: next },
    });
    if (!data) {
      const wrongCurrent = response.status === 422;
      const field = wrongCurrent ? 'current-password' : 'new-password';
      const messages = wrongCurrent ? [t('currentWrong')] : errorMessages(error);
      setErrors(messages.map((message) => ({ field, message })));
      return;
    }
    // Every other session ended; the server set this one's new refresh cookie.
    rememberAccessToken(data.accessToken);
    setCurrent('');
    setNext('');
    setDone(true);
  };

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('passwordTitle')}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <TextField
          id="current-password"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errorFor(errors, 'current-password')}
        />
        <TextField
          id="new-password"
          label={t('newPassword')}
          hint={t('newPasswordHint')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(event) => setNext(event.target.value)}
          error={errorFor(errors, 'new-password')}
        />
        <button type="submit" className="button primary">
          {t('changePassword')}
        </button>
        <p role="status">{done ? t('passwordChanged') : ''}</p>
      </form>
    </section>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Page title={t('title')}>
      <LanguageSetting />
      <PasswordSetting />
    </Page>
  );
}
