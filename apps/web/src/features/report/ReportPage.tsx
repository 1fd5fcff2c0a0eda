import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { api, type Schemas } from '../../lib/api-client';
import { useProfile, type Profile } from '../../lib/auth';
import { isParent, mayUseDirectory } from '../../lib/roles';
import { Page } from '../layout/Page';
import { emptyAnswers, reportFields, type Answers } from './answers';
import { ReportSent } from './ReportSent';
import { ReportWizard } from './ReportWizard';
import { resultOf } from './useSendOnce';
import type { StepId } from './validate';

const QUESTIONS: StepId[] = [
  'urgent',
  'category',
  'location',
  'when',
  'people',
  'description',
  'files',
];

async function fileReport(body: Schemas['CreateIncidentDto'], key: string, signal: AbortSignal) {
  return resultOf(
    await api.POST('/api/v1/incidents', {
      body,
      params: { header: { 'Idempotency-Key': key } },
      signal,
    }),
  );
}

/** The API's answer to a filed report, as the typed client knows it. */
export type FiledReport = Extract<Awaited<ReturnType<typeof fileReport>>, { ok: true }>['data'];

interface Subject {
  id: string;
  name: string;
  schoolId: string;
  /** A parent's child, filed on their behalf. */
  studentId?: string;
}

/** Whom the report is about: a parent's children, or the schools a student or staff member belongs to. */
function subjectsOf(profile: Profile): Subject[] {
  if (isParent(profile))
    return profile.children.flatMap((child) =>
      child.schoolId
        ? [{ id: child.id, name: child.displayName, schoolId: child.schoolId, studentId: child.id }]
        : [],
    );
  return profile.schools.map((school) => ({
    id: school.id,
    name: school.name,
    schoolId: school.id,
  }));
}

/** `/report`: a signed-in student, parent or member of staff tells the school what happened. */
export default function ReportPage() {
  const { t } = useTranslation('report');
  const profile = useProfile();
  const search = useSearch();
  const [sent, setSent] = useState<{ filed: FiledReport; answers: Answers } | null>(null);

  const parent = isParent(profile);
  const subjects = useMemo(() => subjectsOf(profile), [profile]);
  const initialSubject = useMemo(() => {
    const wanted = new URLSearchParams(search).get('child');
    const preselected = subjects.find((subject) => parent && subject.id === wanted);
    return preselected?.id ?? (subjects.length === 1 ? subjects[0].id : '');
  }, [search, subjects, parent]);

  const build = useCallback(
    (answers: Answers, now: Date): Schemas['CreateIncidentDto'] => {
      const subject = subjects.find((candidate) => candidate.id === answers.subject) ?? subjects[0];
      return {
        schoolId: subject.schoolId,
        ...(subject.studentId ? { onBehalfOfStudentId: subject.studentId } : {}),
        ...reportFields(answers, now),
      };
    },
    [subjects],
  );
  const onSent = useCallback(
    (filed: FiledReport, answers: Answers) => setSent({ filed, answers }),
    [],
  );

  if (sent) return <ReportSent filed={sent.filed} answers={sent.answers} />;

  if (subjects.length === 0) {
    return (
      <Page title={t('noSubject.title')}>
        <p>{parent ? t('noSubject.parent') : t('noSubject.other')}</p>
        <Link href="/" className="button">
          {t('common:notFound.home')}
        </Link>
      </Page>
    );
  }

  const steps: StepId[] = [
    ...(subjects.length > 1 ? ['subject' as const] : []),
    ...QUESTIONS,
    'check',
  ];
  const subjectName = (id: string) => subjects.find((subject) => subject.id === id)?.name ?? '';
  const subjectQuestion = parent ? t('subject.childQuestion') : t('subject.schoolQuestion');
  return (
    <ReportWizard
      steps={steps}
      initial={emptyAnswers(initialSubject)}
      subject={{
        question: subjectQuestion,
        choices: subjects.map((subject) => ({ value: subject.id, label: subject.name })),
      }}
      places={(answers) => {
        const schoolId = subjects.find((subject) => subject.id === answers.subject)?.schoolId;
        return profile.schools.find((school) => school.id === schoolId)?.places ?? [];
      }}
      checkRows={(answers) =>
        parent
          ? [
              {
                step: subjects.length > 1 ? ('subject' as const) : undefined,
                question: subjectQuestion,
                answer: subjectName(answers.subject),
              },
            ]
          : []
      }
      sendNote={(answers) => {
        const schoolId = subjects.find((subject) => subject.id === answers.subject)?.schoolId ?? '';
        const school = profile.schools.find((candidate) => candidate.id === schoolId)?.name;
        return school ? t('send.note', { school }) : t('send.noteNoName');
      }}
      build={build}
      send={fileReport}
      onSent={onSent}
      linkStudents={mayUseDirectory(profile)}
    />
  );
}
