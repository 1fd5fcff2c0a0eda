import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigateInPlace } from '../../app/history';
import { useProfile } from '../../lib/auth';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { RoleOnly } from '../layout/RoleOnly';
import { schoolHref, useAdminSchools, useChosenSchool, type School } from '../admin/admin-api';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import {
  addDayOff,
  loadCalendar,
  removeDayOff,
  setYear,
  type CalendarTarget,
  type DayOff,
  type Loaded,
} from './calendar-api';
import { rangeInWords } from './calendar-dates';
import { DayOffForm } from './DayOffForm';
import { YearForm } from './YearForm';
import './calendar.css';

interface Option {
  value: string;
  label: string;
  target: CalendarTarget;
  timeZone: string;
}

const DISTRICT = 'district';

const schoolOption = (school: School): Option => ({
  value: school.id,
  label: school.name,
  target: { kind: 'school', id: school.id },
  timeZone: school.timeZone,
});

/**
 * The calendars the signed-in admin may change (their schools, and the
 * district's days for a district admin) and the one the address names:
 * `?school=<id>`, else a school admin's school, else the district's days.
 * `undefined` while loading.
 */
function useCalendarChoice(): { options: Option[]; option: Option | undefined } | undefined {
  const profile = useProfile();
  const { t } = useTranslation('calendar');
  const { schools } = useAdminSchools();
  const { school } = useChosenSchool();
  if (schools === undefined || school === undefined) return undefined;
  const first = schools[0] ?? school;
  const districtId = isDistrictAdmin(profile) ? first?.districtId : undefined;
  const options: Option[] = [
    ...(districtId && first
      ? [
          {
            value: DISTRICT,
            label: t('districtWide'),
            target: { kind: 'district', id: districtId } as const,
            timeZone: first.timeZone,
          },
        ]
      : []),
    ...schools.map(schoolOption),
  ];
  // A school beyond the first page of the list is still the one asked for.
  if (school && !schools.some((s) => s.id === school.id)) options.push(schoolOption(school));
  const option =
    (school && options.find((o) => o.value === school.id)) ??
    options.find((o) => o.value === DISTRICT) ??
    options[0];
  return { options, option };
}

function DaysOffList({
  daysOff,
  holidays,
  canRemove,
  onRemove,
}: {
  daysOff: DayOff[];
  holidays: string[];
  canRemove: (dayOff: DayOff) => boolean;
  onRemove: (dayOff: DayOff) => void;
}) {
  const { t, i18n } = useTranslation('calendar');
  const words = (from: string, to: string) =>
    rangeInWords(from, to, i18n.language, (range) => t('range', range));
  if (daysOff.length === 0 && holidays.length === 0) return <p>{t('noDaysOff')}</p>;
  return (
    <ul className="calendar-days">
      {daysOff.map((dayOff) => (
        <li key={dayOff.id} className="calendar-day">
          <div>
            <p className="calendar-day-name">
              {dayOff.name}
              {dayOff.districtWide && <span className="calendar-tag">{t('districtTag')}</span>}
            </p>
            <p>{words(dayOff.from, dayOff.to)}</p>
          </div>
          {canRemove(dayOff) ? (
            <button
              type="button"
              className="button danger"
              aria-label={t('removeNamed', { name: dayOff.name })}
              onClick={() => onRemove(dayOff)}
            >
              {t('remove')}
            </button>
          ) : (
            dayOff.districtWide && <p className="calendar-note">{t('districtOnly')}</p>
          )}
        </li>
      ))}
      {holidays.map((day) => (
        <li key={`holiday-${day}`} className="calendar-day">
          <div>
            <p className="calendar-day-name">{t('holiday')}</p>
            <p>{words(day, day)}</p>
          </div>
          <p className="calendar-note">{t('holidayFromSettings')}</p>
        </li>
      ))}
    </ul>
  );
}

/** The page itself, for admins only. */
function CalendarContent() {
  const { t } = useTranslation('calendar');
  const profile = useProfile();
  const choice = useCalendarChoice();
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');

  const list = choice?.options ?? [];
  const option = choice?.option;

  const kind = option?.target.kind;
  const id = option?.target.id;
  const reload = useCallback(async () => {
    if (!kind || !id) return;
    setLoaded(await loadCalendar({ kind, id }));
  }, [kind, id]);

  useEffect(() => {
    setLoaded(undefined);
    void reload();
  }, [reload]);

  if (choice === undefined || (option && loaded === undefined)) return <Loading />;

  const target = option?.target;
  const timeZone = loaded?.school?.timeZone ?? option?.timeZone ?? 'America/New_York';
  const district = isDistrictAdmin(profile);

  const announce = (verb: 'added' | 'removed' | 'yearSaved', movedCases: number) => {
    setFailed('');
    setStatus(
      `${t(`done.${verb}`)} ${movedCases === 0 ? t('movedNone') : t('moved', { count: movedCases })}`,
    );
  };

  const add = async (fields: { name: string; from: string; to: string }) => {
    if (!target) return [];
    setStatus('');
    const result = await addDayOff(target, fields);
    if (!result.ok) return result.errors.length ? result.errors : [t('failed')];
    announce('added', result.movedCases);
    await reload();
    return [];
  };

  const remove = async (dayOff: DayOff) => {
    if (!target) return;
    setStatus('');
    const result = await removeDayOff(target, dayOff.id);
    if (!result.ok) {
      setFailed(t('failed'));
      return;
    }
    announce('removed', result.movedCases);
    await reload();
  };

  const saveYear = async (year: {
    startsOn: string;
    endsOn: string;
    nextStartsOn: string | null;
  }) => {
    if (target?.kind !== 'school') return [];
    setStatus('');
    const result = await setYear(target.id, year);
    if (!result.ok) return result.errors.length ? result.errors : [t('failed')];
    announce('yearSaved', result.movedCases);
    await reload();
    return [];
  };

  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro')}</p>
      {list.length > 1 && (
        <div className="field calendar-picker">
          <label htmlFor="calendar-of">{t('calendarOf')}</label>
          <select
            id="calendar-of"
            value={option?.value ?? ''}
            onChange={(event) => {
              setStatus('');
              setFailed('');
              const value = event.target.value;
              navigateInPlace(
                value === DISTRICT ? '/admin/calendar' : schoolHref('/admin/calendar', value),
              );
            }}
          >
            {list.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <p role="status" className={status ? 'notice ok' : undefined}>
        {status}
      </p>
      {failed && (
        <p role="alert" className="notice">
          {failed}
        </p>
      )}
      {!loaded ? (
        <p>{t('loadFailed')}</p>
      ) : (
        <>
          {loaded.school && (
            <YearForm key={option?.value} year={loaded.school.year} onSave={saveYear} />
          )}
          <section className="panel" aria-labelledby="days-off-title">
            <h2 id="days-off-title">
              {target?.kind === 'district' ? t('districtDaysTitle') : t('daysOffTitle')}
            </h2>
            <p>{t('daysOffHint')}</p>
            <DaysOffList
              daysOff={loaded.daysOff}
              holidays={loaded.school?.holidays ?? []}
              canRemove={(dayOff) => target?.kind === 'district' || !dayOff.districtWide || false}
              onRemove={(dayOff) => void remove(dayOff)}
            />
            {district && target?.kind === 'school' && (
              <p className="calendar-note">{t('districtDaysElsewhere')}</p>
            )}
          </section>
          <DayOffForm key={option?.value} timeZone={timeZone} onAdd={add} />
        </>
      )}
    </Page>
  );
}

/**
 * `/admin/calendar`: the school year and the days off that deadlines skip;
 * `?school=<id>` names the school (a district admin without it: the district's days).
 */
export default function CalendarPage() {
  return (
    <RoleOnly allow={isAdmin}>
      <CalendarContent />
    </RoleOnly>
  );
}
