import { useCallback, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../forms/Choices';
import { ErrorSummary, type FieldError } from '../forms/ErrorSummary';
import { Page } from '../layout/Page';
import type { Answers, SchoolPlace } from './answers';
import { CheckAnswers } from './CheckAnswers';
import {
  CategoryStep,
  DescriptionStep,
  FilesStep,
  LocationStep,
  PeopleStep,
  SubjectStep,
  UrgentStep,
  WhenStep,
  type StepProps,
} from './steps';
import { isValidationAnswer, useSendOnce, type SendResult } from './useSendOnce';
import { validateStep, type StepId } from './validate';

export interface WizardProps<B, T> {
  /** The questions in order; `check` comes last. */
  steps: StepId[];
  initial: Answers;
  intro?: { title: string; content: ReactNode; start: string };
  subject?: { question: string; choices: Choice<string>[] };
  /** The named places of the school the report goes to (the answers say which school). */
  places?: (answers: Answers) => SchoolPlace[];
  /** Rows shown first on "Check your answers" (the school, the child). */
  checkRows?: (answers: Answers) => { step?: StepId; question: string; answer: ReactNode }[];
  /** A sentence above the Send button: who will read the report. */
  sendNote: (answers: Answers) => string;
  build: (answers: Answers, now: Date) => B;
  send: (body: B, key: string, signal: AbortSignal) => Promise<SendResult<T>>;
  onSent: (data: T, answers: Answers) => void;
  /** Staff may link the people named to student records (the directory search). */
  linkStudents?: boolean;
}

/**
 * The report, one question per page: each step is its own page with its own
 * heading (focused when it opens), errors in the summary and next to the
 * field, Back and Continue; then "Check your answers" and Send. A Change link
 * leads to the question and Continue comes back to the check page.
 */
export function ReportWizard<B, T>(props: WizardProps<B, T>) {
  const { steps, initial, intro, subject, places, checkRows, sendNote, build, send, onSent } =
    props;
  const { linkStudents = false } = props;
  const { t } = useTranslation('report');
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [returnToCheck, setReturnToCheck] = useState(false);

  const buildBody = useCallback((frozen: Answers) => build(frozen, new Date()), [build]);
  const { state, attempt, locked } = useSendOnce(answers, buildBody, send, onSent);

  const step = steps[index];
  const questions: StepId[] = steps.filter((id) => id !== 'intro' && id !== 'check');
  const change = useCallback(
    (patch: Partial<Answers>) => setAnswers((current) => ({ ...current, ...patch })),
    [],
  );

  const goTo = (next: number) => {
    setErrors([]);
    setIndex(Math.max(0, Math.min(steps.length - 1, next)));
  };
  const checkIndex = steps.indexOf('check');

  const next = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateStep(step, answers, t);
    setErrors(problems);
    if (problems.length > 0) return;
    if (returnToCheck) {
      setReturnToCheck(false);
      goTo(checkIndex);
    } else goTo(index + 1);
  };
  const back = () => {
    if (returnToCheck) {
      setReturnToCheck(false);
      goTo(checkIndex);
    } else goTo(index - 1);
  };

  const sendErrors = useMemo<FieldError[]>(() => {
    if (state.phase !== 'failed' || state.retryable) return [];
    if (state.status === 401) return [{ message: t('send.signedOut') }];
    const refused = isValidationAnswer(state.status) ? t('send.refused') : t('send.notFiled');
    return [{ message: refused }, ...state.messages.map((message) => ({ message }))];
  }, [state, t]);

  const title =
    step === 'intro' && intro
      ? intro.title
      : step === 'subject' && subject
        ? subject.question
        : t(`${step}.${step === 'check' ? 'title' : 'question'}`);
  const stepProps: StepProps = { answers, change, errors, setErrors, linkStudents };
  const position = questions.indexOf(step);

  return (
    <Page key={step} title={title}>
      {position >= 0 && (
        <p className="step-count">
          {t('wizard.progress', { number: position + 1, total: questions.length })}
        </p>
      )}
      <ErrorSummary errors={step === 'check' ? sendErrors : errors} />
      {step === 'intro' && intro && (
        <div className="stack">
          {intro.content}
          <button type="button" className="button primary big" onClick={() => goTo(index + 1)}>
            {intro.start}
          </button>
        </div>
      )}
      {step === 'check' && (
        <div className="stack">
          <CheckAnswers
            answers={answers}
            steps={steps}
            extraRows={checkRows?.(answers)}
            locked={locked}
            onChange={(target) => {
              setReturnToCheck(true);
              goTo(steps.indexOf(target));
            }}
          />
          <h2>{t('send.title')}</h2>
          <p>{sendNote(answers)}</p>
          <SendStatus
            phase={state.phase === 'offline' && state.reason === 'slow' ? 'slow' : state.phase}
            retryable={state.phase === 'failed' && state.retryable}
            status={state.phase === 'failed' ? state.status : 0}
          />
          <div className="button-row">
            <button
              type="button"
              className="button primary big"
              disabled={state.phase === 'sending'}
              onClick={() => void attempt()}
            >
              {state.phase === 'sending'
                ? t('send.sending')
                : state.phase === 'offline' || (state.phase === 'failed' && state.retryable)
                  ? t('send.tryAgain')
                  : t('send.button')}
            </button>
            {!locked && (
              <button type="button" className="link-button" onClick={back}>
                {t('common:form.back')}
              </button>
            )}
          </div>
        </div>
      )}
      {step !== 'intro' && step !== 'check' && (
        <form onSubmit={next} noValidate className="stack">
          {step === 'subject' && subject && (
            <SubjectStep {...stepProps} question={subject.question} choices={subject.choices} />
          )}
          {step === 'urgent' && <UrgentStep {...stepProps} />}
          {step === 'category' && <CategoryStep {...stepProps} />}
          {step === 'location' && <LocationStep {...stepProps} places={places?.(answers)} />}
          {step === 'when' && <WhenStep {...stepProps} />}
          {step === 'people' && <PeopleStep {...stepProps} />}
          {step === 'description' && <DescriptionStep {...stepProps} />}
          {step === 'files' && <FilesStep {...stepProps} />}
          <div className="button-row">
            <button type="submit" className="button primary big">
              {t('common:form.continue')}
            </button>
            {index > 0 && (
              <button type="button" className="link-button" onClick={back}>
                {t('common:form.back')}
              </button>
            )}
          </div>
        </form>
      )}
    </Page>
  );
}

/** Says, in a live region, where the report is: on its way, waiting for the network or the server, or refused. */
function SendStatus({
  phase,
  retryable,
  status,
}: {
  phase: string;
  retryable: boolean;
  status: number;
}) {
  const { t } = useTranslation('report');
  let text = '';
  if (phase === 'sending') text = t('send.sendingStatus');
  else if (phase === 'offline') text = t('send.offline');
  else if (phase === 'slow') text = t('send.slow');
  else if (retryable) text = status === 429 ? t('send.tooMany') : t('send.serverProblem');
  return (
    <p
      role="status"
      className={text && phase !== 'sending' ? 'notice warn send-status' : 'send-status'}
    >
      {text}
    </p>
  );
}
