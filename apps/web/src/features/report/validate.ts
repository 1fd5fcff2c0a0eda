import type { TFunction } from 'i18next';
import { daysBefore, isDate, localDate } from '../../lib/local-dates';
import type { FieldError } from '../forms/ErrorSummary';
import {
  chosenDate,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  isTime,
  LOCATION_DETAIL_MAX,
  MAX_AGE_YEARS,
  NAME_MAX,
  type Answers,
} from './answers';

export type StepId =
  | 'intro'
  | 'subject'
  | 'urgent'
  | 'category'
  | 'location'
  | 'when'
  | 'people'
  | 'description'
  | 'files'
  | 'check';

function when(answers: Answers, t: TFunction, now: Date): FieldError[] {
  if (!answers.when) return [{ field: 'when', message: t('when.missing') }];
  const errors: FieldError[] = [];
  const date = chosenDate(answers, now);
  if (answers.when === 'earlier') {
    const oldest = new Date(now);
    oldest.setFullYear(oldest.getFullYear() - MAX_AGE_YEARS);
    if (!answers.date) errors.push({ field: 'when-date', message: t('when.dateMissing') });
    else if (!isDate(answers.date))
      errors.push({ field: 'when-date', message: t('when.dateInvalid') });
    else if (answers.date > localDate(now))
      errors.push({ field: 'when-date', message: t('when.dateFuture') });
    else if (answers.date < localDate(daysBefore(oldest, -1)))
      errors.push({ field: 'when-date', message: t('when.dateTooOld', { years: MAX_AGE_YEARS }) });
  }
  if (answers.time && !isTime(answers.time)) {
    errors.push({ field: 'when-time', message: t('when.timeInvalid') });
  } else if (answers.time && date === localDate(now)) {
    const [hours, minutes] = answers.time.split(':').map(Number);
    if (hours * 60 + minutes > now.getHours() * 60 + now.getMinutes())
      errors.push({ field: 'when-time', message: t('when.timeFuture') });
  }
  return errors;
}

function people(answers: Answers, t: TFunction): FieldError[] {
  const errors: FieldError[] = [];
  answers.people.forEach((person, index) => {
    const number = index + 1;
    const name = person.name.trim();
    if (!name && person.role)
      errors.push({
        field: `person-${person.key}-name`,
        message: t('people.nameMissing', { number }),
      });
    if (name.length > NAME_MAX)
      errors.push({
        field: `person-${person.key}-name`,
        message: t('people.nameTooLong', { number, max: NAME_MAX }),
      });
    if (name && !person.role)
      errors.push({
        field: `person-${person.key}-role`,
        message: t('people.roleMissing', { number }),
      });
  });
  return errors;
}

/** The problems with one step's answers, each tied to its field; none means Continue. */
export function validateStep(
  step: StepId,
  answers: Answers,
  t: TFunction,
  now = new Date(),
): FieldError[] {
  switch (step) {
    case 'subject':
      return answers.subject ? [] : [{ field: 'subject', message: t('subject.missing') }];
    case 'urgent':
      return answers.urgent ? [] : [{ field: 'urgent', message: t('urgent.missing') }];
    case 'category':
      return answers.category ? [] : [{ field: 'category', message: t('category.missing') }];
    case 'location': {
      const errors: FieldError[] = [];
      if (!answers.location) errors.push({ field: 'location', message: t('location.missing') });
      if (answers.locationDetail.trim().length > LOCATION_DETAIL_MAX)
        errors.push({
          field: 'location-detail',
          message: t('location.detailTooLong', { max: LOCATION_DETAIL_MAX }),
        });
      return errors;
    }
    case 'when':
      return when(answers, t, now);
    case 'people':
      return people(answers, t);
    case 'description': {
      const length = answers.description.trim().length;
      if (length === 0) return [{ field: 'description', message: t('description.missing') }];
      if (length < DESCRIPTION_MIN)
        return [
          { field: 'description', message: t('description.tooShort', { min: DESCRIPTION_MIN }) },
        ];
      if (length > DESCRIPTION_MAX)
        return [
          {
            field: 'description',
            message: t('description.tooLong', { max: DESCRIPTION_MAX }),
          },
        ];
      return [];
    }
    default:
      return [];
  }
}
