import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, type Schemas } from '../../lib/api-client';
import { useAuth } from '../../lib/auth';
import i18n, { isLanguage } from '../../lib/i18n';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import { useSafety } from '../safety/safety-context';
import { emptyAnswers, reportFields, type Answers, type SchoolPlace } from './answers';
import { AnonymousSent } from './AnonymousSent';
import { ReportWizard } from './ReportWizard';
import { SchoolCodeForm } from './SchoolCodeForm';
import { resultOf } from './useSendOnce';
import type { StepId } from './validate';

const STEPS: StepId[] = [
  'intro',
  'urgent',
  'category',
  'location',
  'when',
  'people',
  'description',
  'files',
  'check',
];

async function fileAnonymously(body: Schemas['PublicReportDto'], key: string, signal: AbortSignal) {
  return resultOf(
    await api.POST('/api/v1/public/reports', {
      // The school's automatic replies come in the language the page is shown in.
      body: { ...body, locale: isLanguage(i18n.language) ? i18n.language : 'en' },
      params: { header: { 'Idempotency-Key': key } },
      signal,
    }),
  );
}

/** The API's answer to an anonymous report: its reference and the tracking code, shown once. */
export type FiledAnonymousReport = Extract<
  Awaited<ReturnType<typeof fileAnonymously>>,
  { ok: true }
>['data'];

interface School {
  name: string;
  code: string;
  places: SchoolPlace[];
}

function AnonymousReport({ schoolCode }: { schoolCode: string }) {
  const { t } = useTranslation('report');
  const { profile } = useAuth();
  const { showSchool } = useSafety();
  const [school, setSchool] = useState<School | null | 'unknown' | 'failed'>(null);
  const [sent, setSent] = useState<{ filed: FiledAnonymousReport; answers: Answers } | null>(null);
  const [done, setDone] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .GET('/api/v1/public/schools/{code}', { params: { path: { code: schoolCode } } })
      .then(({ data, response }) => {
        if (!live) return;
        if (data) setSchool({ name: data.name, code: data.code, places: data.places });
        else setSchool(response.status === 404 ? 'unknown' : 'failed');
      })
      .catch(() => live && setSchool('failed'));
    return () => {
      live = false;
    };
  }, [schoolCode, attempt]);

  const code = typeof school === 'object' && school ? school.code : null;
  useEffect(() => {
    if (code) showSchool(code);
  }, [code, showSchool]);

  const build = useCallback(
    (answers: Answers, now: Date): Schemas['PublicReportDto'] => ({
      schoolCode: code ?? schoolCode,
      ...reportFields(answers, now),
    }),
    [code, schoolCode],
  );
  const onSent = useCallback(
    (filed: FiledAnonymousReport, answers: Answers) => setSent({ filed, answers }),
    [],
  );

  if (done) {
    return (
      <Page title={t('anonymous.doneTitle')}>
        <p>{t('anonymous.doneBody')}</p>
        <div className="button-row">
          <Link href="/track" className="button primary">
            {t('anonymous.trackLink')}
          </Link>
        </div>
      </Page>
    );
  }
  if (sent && typeof school === 'object' && school) {
    return (
      <AnonymousSent
        filed={sent.filed}
        answers={sent.answers}
        schoolName={school.name}
        onDone={() => {
          setSent(null);
          setDone(true);
        }}
      />
    );
  }
  if (school === null) return <Loading />;
  if (school === 'failed') {
    return (
      <Page title={t('school.failedTitle')}>
        <p>{t('school.failedBody')}</p>
        <button
          type="button"
          className="button primary"
          onClick={() => setAttempt((count) => count + 1)}
        >
          {t('send.tryAgain')}
        </button>
      </Page>
    );
  }
  if (school === 'unknown') {
    return (
      <Page title={t('school.unknownTitle')}>
        <p>{t('school.unknownBody', { code: schoolCode.slice(0, 16) })}</p>
        <SchoolCodeForm />
      </Page>
    );
  }

  return (
    <ReportWizard
      steps={STEPS}
      initial={emptyAnswers()}
      intro={{
        title: t('anonymous.title'),
        start: t('anonymous.start'),
        content: (
          <>
            <p className="school-name">
              {t('anonymous.school')} <strong>{school.name}</strong>
            </p>
            {profile && (
              <p className="notice">
                {t('anonymous.signedIn')} <Link href="/report">{t('anonymous.signedInLink')}</Link>
              </p>
            )}
            <ul className="bullets">
              <li>{t('anonymous.noName')}</li>
              <li>{t('anonymous.code')}</li>
              <li>{t('anonymous.time')}</li>
            </ul>
            <details className="other-school">
              <summary>{t('anonymous.notYourSchool')}</summary>
              <SchoolCodeForm />
            </details>
          </>
        ),
      }}
      places={() => school.places}
      checkRows={() => [{ question: t('check.school'), answer: school.name }]}
      sendNote={() => t('send.noteAnonymous', { school: school.name })}
      build={build}
      send={fileAnonymously}
      onSent={onSent}
    />
  );
}

/** `/report/:schoolCode` (printed on posters): report without an account, to that school. */
export default function AnonymousReportPage({ schoolCode }: { schoolCode: string }) {
  return <AnonymousReport key={schoolCode} schoolCode={schoolCode} />;
}
