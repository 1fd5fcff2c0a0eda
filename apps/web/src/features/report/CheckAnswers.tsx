import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chosenDate, namedPeople, type Answers } from './answers';
import { chosenDay } from '../../lib/dates';
import type { StepId } from './validate';

interface Row {
  step: StepId;
  question: string;
  answer: ReactNode;
}

interface Props {
  answers: Answers;
  steps: StepId[];
  /** Rows above the questions, such as the school or the child. */
  extraRows?: { step?: StepId; question: string; answer: ReactNode }[];
  /** While the report is on its way, the answers cannot change. */
  locked: boolean;
  onChange: (step: StepId) => void;
}

/** "Check your answers": every answer with a Change link back to its question. */
export function CheckAnswers({ answers, steps, extraRows = [], locked, onChange }: Props) {
  const { t, i18n } = useTranslation('report');
  const people = namedPeople(answers);
  const date = chosenDate(answers, new Date());
  const rows: Row[] = [
    { step: 'urgent', question: t('check.urgent'), answer: t(`urgent.${answers.urgent || 'no'}`) },
    {
      step: 'category',
      question: t('check.category'),
      answer: answers.category && t(`common:category.${answers.category}`),
    },
    {
      step: 'location',
      question: t('check.location'),
      answer: (
        <>
          {answers.location && t(`common:location.${answers.location}`)}
          {answers.locationDetail.trim() && (
            <span className="answer-line">{answers.locationDetail.trim()}</span>
          )}
        </>
      ),
    },
    {
      step: 'when',
      question: t('check.when'),
      answer: (
        <>
          {date && chosenDay(date, answers.time, i18n.language)}
          {answers.ongoing && <span className="answer-line">{t('when.ongoing')}</span>}
        </>
      ),
    },
    {
      step: 'people',
      question: t('check.people'),
      answer:
        people.length === 0 ? (
          t('check.nobody')
        ) : (
          <ul className="plain-list">
            {people.map((person, index) => (
              <li key={index}>
                {t('check.person', {
                  name: person.name,
                  role: t(`common:partyRole.${person.role}`),
                })}
                {person.studentId && (
                  <span className="answer-line">{t('students:picker.linkedShort')}</span>
                )}
              </li>
            ))}
          </ul>
        ),
    },
    {
      step: 'description',
      question: t('check.description'),
      answer: <span className="pre-wrap">{answers.description.trim()}</span>,
    },
    {
      step: 'files',
      question: t('check.files'),
      answer:
        answers.files.length === 0 ? (
          t('check.noFiles')
        ) : (
          <ul className="plain-list">
            {answers.files.map(({ key, file }) => (
              <li key={key}>{file.name}</li>
            ))}
          </ul>
        ),
    },
  ];
  const shown = [...extraRows, ...rows.filter((row) => steps.includes(row.step))];
  return (
    <dl className="summary-list">
      {shown.map((row) => (
        <div className="summary-row" key={row.question}>
          <dt>{row.question}</dt>
          <dd>{row.answer}</dd>
          {row.step && !locked && (
            <dd className="summary-action">
              <button
                type="button"
                className="link-button"
                onClick={() => row.step && onChange(row.step)}
              >
                {t('common:form.change')}
                <span className="visually-hidden"> {row.question}</span>
              </button>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
