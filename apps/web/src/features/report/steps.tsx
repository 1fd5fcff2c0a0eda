import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBefore, localDate } from '../../lib/local-dates';
import { Checkbox } from '../forms/Checkbox';
import { Choices, type Choice } from '../forms/Choices';
import { errorFor, type FieldError } from '../forms/ErrorSummary';
import { FilePicker } from '../forms/FilePicker';
import { TextArea } from '../forms/TextArea';
import { TextField } from '../forms/TextField';
import { useDangerWatch } from '../safety/useDangerWatch';
import { useSafety } from '../safety/safety-context';
import { StudentPicker } from '../students/StudentPicker';
import {
  CATEGORIES,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  LOCATION_DETAIL_MAX,
  LOCATIONS,
  MAX_AGE_YEARS,
  MAX_PEOPLE,
  NAME_MAX,
  newKey,
  PARTY_ROLES,
  type Answers,
  type SchoolPlace,
  type WhenChoice,
} from './answers';
import { ACCEPT, checkFiles, fileSize } from './files';

export interface StepProps {
  answers: Answers;
  change: (patch: Partial<Answers>) => void;
  errors: FieldError[];
  /** Errors found while picking files, shown like any other. */
  setErrors: (errors: FieldError[]) => void;
  /** Staff may link the people named to student records of the school (`answers.subject`). */
  linkStudents?: boolean;
}

export function SubjectStep({
  answers,
  change,
  errors,
  question,
  choices,
}: StepProps & { question: string; choices: Choice<string>[] }) {
  return (
    <Choices
      id="subject"
      legend={question}
      legendHidden
      choices={choices}
      value={answers.subject}
      onChange={(subject) => change({ subject })}
      error={errorFor(errors, 'subject')}
    />
  );
}

export function UrgentStep({ answers, change, errors }: StepProps) {
  const { t } = useTranslation('report');
  const { openHelp } = useSafety();
  return (
    <>
      <Choices
        id="urgent"
        legend={t('urgent.question')}
        legendHidden
        hint={t('urgent.hint')}
        choices={[
          {
            value: 'yes',
            label: t('urgent.yes'),
            reveal: (
              <div className="notice warn">
                <p>{t('urgent.yesAdvice')}</p>
                <button type="button" className="button danger" onClick={openHelp}>
                  {t('common:help.open')}
                </button>
              </div>
            ),
          },
          { value: 'no', label: t('urgent.no') },
        ]}
        value={answers.urgent}
        onChange={(urgent) => change({ urgent })}
        error={errorFor(errors, 'urgent')}
      />
    </>
  );
}

export function CategoryStep({ answers, change, errors }: StepProps) {
  const { t } = useTranslation('report');
  return (
    <Choices
      id="category"
      legend={t('category.question')}
      legendHidden
      hint={t('category.hint')}
      choices={CATEGORIES.map((value) => ({ value, label: t(`common:category.${value}`) }))}
      value={answers.category}
      onChange={(category) => change({ category })}
      error={errorFor(errors, 'category')}
    />
  );
}

/**
 * Where it happened: the school's own places first ("North stairwell"), each
 * filing under its kind of place with its name as the detail, then the
 * general choices.
 */
export function LocationStep({
  answers,
  change,
  errors,
  places = [],
}: StepProps & { places?: SchoolPlace[] }) {
  const { t } = useTranslation('report');
  useDangerWatch(answers.locationDetail);
  const placeIndex = places.findIndex((place) => place.name === answers.place);
  const value = placeIndex >= 0 ? `place-${placeIndex}` : answers.location;
  const choose = (chosen: string) => {
    const place = chosen.startsWith('place-') ? places[Number(chosen.slice(6))] : undefined;
    if (place) {
      change({ place: place.name, location: place.location, locationDetail: place.name });
      return;
    }
    // Leaving a named place: its name no longer describes where it happened.
    const keepDetail = !answers.place || answers.locationDetail !== answers.place;
    change({
      place: '',
      location: chosen as Answers['location'],
      ...(keepDetail ? {} : { locationDetail: '' }),
    });
  };
  return (
    <div className="stack">
      <Choices<string>
        id="location"
        legend={t('location.question')}
        legendHidden
        hint={places.length > 0 ? t('location.placesHint') : undefined}
        choices={[
          ...places.map((place, index) => ({
            value: `place-${index}`,
            label: place.name,
            hint: t(`common:location.${place.location}`),
          })),
          ...LOCATIONS.map((location) => ({
            value: location,
            label: t(`common:location.${location}`),
          })),
        ]}
        value={value}
        onChange={choose}
        error={errorFor(errors, 'location')}
      />
      <TextField
        id="location-detail"
        label={`${t('location.detail')} ${t('common:form.optional')}`}
        hint={t('location.detailHint')}
        value={answers.locationDetail}
        maxLength={LOCATION_DETAIL_MAX + 50}
        onChange={(event) => change({ locationDetail: event.target.value })}
        error={errorFor(errors, 'location-detail')}
      />
    </div>
  );
}

export function WhenStep({ answers, change, errors }: StepProps) {
  const { t } = useTranslation('report');
  const now = new Date();
  const oldest = new Date(now);
  oldest.setFullYear(oldest.getFullYear() - MAX_AGE_YEARS);
  const choices: Choice<WhenChoice>[] = [
    { value: 'today', label: t('when.today') },
    { value: 'yesterday', label: t('when.yesterday') },
    {
      value: 'earlier',
      label: t('when.earlier'),
      reveal: (
        <TextField
          id="when-date"
          type="date"
          label={t('when.date')}
          hint={t('when.dateHint')}
          min={localDate(daysBefore(oldest, -1))}
          max={localDate(now)}
          value={answers.date}
          onChange={(event) => change({ date: event.target.value })}
          error={errorFor(errors, 'when-date')}
        />
      ),
    },
  ];
  return (
    <div className="stack">
      <Choices
        id="when"
        legend={t('when.question')}
        legendHidden
        choices={choices}
        value={answers.when}
        onChange={(when) => change({ when })}
        error={errorFor(errors, 'when')}
      />
      <TextField
        id="when-time"
        type="time"
        className="short"
        label={`${t('when.time')} ${t('common:form.optional')}`}
        hint={t('when.timeHint')}
        value={answers.time}
        onChange={(event) => change({ time: event.target.value })}
        error={errorFor(errors, 'when-time')}
      />
      <Checkbox
        id="ongoing"
        label={t('when.ongoing')}
        hint={t('when.ongoingHint')}
        checked={answers.ongoing}
        onChange={(event) => change({ ongoing: event.target.checked })}
      />
    </div>
  );
}

export function PeopleStep({ answers, change, errors, linkStudents }: StepProps) {
  const { t } = useTranslation('report');
  useDangerWatch(answers.people.map((person) => person.name).join('\n'));
  const focusNext = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.getElementById(focusNext.current) ?? addButton.current;
    focusNext.current = null;
    target?.focus();
  }, [answers.people]);

  const update = (key: string, patch: Partial<Omit<Answers['people'][number], 'key'>>) =>
    change({
      people: answers.people.map((person) =>
        person.key === key ? { ...person, ...patch } : person,
      ),
    });
  const add = () => {
    const key = newKey('person');
    focusNext.current = `person-${key}-name`;
    change({ people: [...answers.people, { key, name: '', role: '' }] });
  };
  const remove = (key: string) => {
    focusNext.current = 'add-person';
    change({ people: answers.people.filter((person) => person.key !== key) });
  };

  return (
    <div className="stack">
      <p className="hint">{t('people.hint')}</p>
      {answers.people.map((person, index) => {
        const number = index + 1;
        return (
          <fieldset key={person.key} className="person">
            <legend>{t('people.person', { number })}</legend>
            <div className="stack">
              <TextField
                id={`person-${person.key}-name`}
                label={t('people.name')}
                hint={t('people.nameHint')}
                autoComplete="off"
                maxLength={NAME_MAX + 50}
                value={person.name}
                onChange={(event) => update(person.key, { name: event.target.value })}
                error={errorFor(errors, `person-${person.key}-name`)}
              />
              <Choices
                id={`person-${person.key}-role`}
                legend={t('people.role')}
                choices={PARTY_ROLES.map((value) => ({
                  value,
                  label: t(`common:partyRole.${value}`),
                }))}
                value={person.role}
                onChange={(role) => update(person.key, { role })}
                error={errorFor(errors, `person-${person.key}-role`)}
              />
              {linkStudents && (
                <StudentPicker
                  id={`person-${person.key}-student`}
                  number={number}
                  schoolId={answers.subject || undefined}
                  suggestion={person.name}
                  linked={person.student}
                  onLink={(student) =>
                    update(person.key, {
                      student,
                      ...(student && !person.name.trim() ? { name: student.displayName } : {}),
                    })
                  }
                />
              )}
              <button type="button" className="button secondary" onClick={() => remove(person.key)}>
                {t('people.remove', { number })}
              </button>
            </div>
          </fieldset>
        );
      })}
      {answers.people.length < MAX_PEOPLE && (
        <button
          type="button"
          id="add-person"
          ref={addButton}
          className="button secondary"
          onClick={add}
        >
          {answers.people.length === 0 ? t('people.add') : t('people.addAnother')}
        </button>
      )}
    </div>
  );
}

export function DescriptionStep({ answers, change, errors }: StepProps) {
  const { t } = useTranslation('report');
  useDangerWatch(answers.description);
  const length = answers.description.trim().length;
  const left = DESCRIPTION_MAX - length;
  const count =
    length < DESCRIPTION_MIN
      ? t('description.countShort', { min: DESCRIPTION_MIN })
      : left < 1000
        ? left >= 0
          ? t('description.countLeft', { count: left })
          : t('description.countOver', { count: -left })
        : undefined;
  return (
    <TextArea
      id="description"
      label={t('description.question')}
      labelHidden
      hint={t('description.hint')}
      rows={10}
      value={answers.description}
      onChange={(event) => change({ description: event.target.value })}
      error={errorFor(errors, 'description')}
      count={count}
    />
  );
}

export function FilesStep({ answers, change, errors, setErrors }: StepProps) {
  const { t, i18n } = useTranslation('report');

  const pick = (files: File[]) => {
    const { good, problems } = checkFiles(files, 'files', (problem, name) =>
      t(`files.problem.${problem}`, { name }),
    );
    setErrors(problems);
    change({ files: [...answers.files, ...good.map((file) => ({ key: newKey('file'), file }))] });
  };

  const remove = (key: string) => {
    change({ files: answers.files.filter((chosen) => chosen.key !== key) });
    document.getElementById('files')?.focus();
  };

  return (
    <div className="stack">
      <p>{t('files.lead')}</p>
      <FilePicker
        id="files"
        label={t('files.pick')}
        hint={t('files.hint')}
        accept={ACCEPT}
        onFiles={pick}
        error={errors.map((error) => error.message).join(' ') || undefined}
      />
      {answers.files.length > 0 && (
        <>
          <h2 className="small-heading">{t('files.chosen', { count: answers.files.length })}</h2>
          <ul className="file-list">
            {answers.files.map(({ key, file }) => (
              <li key={key} className="file-item">
                <span className="file-name">{file.name}</span>
                <span className="file-size">{fileSize(file.size, i18n.language)}</span>
                <span className="file-actions">
                  <button type="button" className="button secondary" onClick={() => remove(key)}>
                    {t('upload.remove')}
                    <span className="visually-hidden"> {file.name}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
