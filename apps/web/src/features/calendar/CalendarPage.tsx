import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../lib/auth';
import { Loading } from '../layout/Loading';
import { Page } from '../layout/Page';
import {
  addDayOff,
  districtSchools,
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

/** The calendars the signed-in admin may change: their schools, and the district's days for a district admin. */
function useOptions(): Option[] | null | 'none' {
  const profile = useProfile();
  const { t } = useTranslation('calendar');
  const [options, setOptions] = useState<Option[] | null | 'none'>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      if (profile.role === 'school_admin') {
        // The school's time zone comes with its calendar; New York until then.
        setOptions(
          profile.schools.map((school) => ({
            value: school.id,
            label: school.name,
            target: { kind: 'school', id: school.id },
            timeZone: '',
          })),
        );
        return;
      }
      if (profile.role !== 'district_admin') {
        setOptions('none');
        return;
      }
      const schools = await districtSchools();
      if (!live) return;
      const district = schools[0]?.districtId;
      setOptions([
        ...(district
          ? [
              {
                value: DISTRICT,
                label: t('districtWide'),
                target: { kind: 'district', id: district } as const,
                timeZone: schools[0].timeZone,
              },
            ]
          : []),
        ...schools.map((school) => ({
          value: school.id,
          label: school.name,
          target: { kind: 'school', id: school.id } as const,
          timeZone: school.timeZone,
        })),
      ]);
    })();
    return () => {
      live = false;
    };
  }, [profile, t]);
  return options;
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

/** `/admin/calendar`: the school year and the days off that deadlines skip. */
export default function CalendarPage() {
  const { t } = useTranslation('calendar');
  const profile = useProfile();
  const options = useOptions();
  const [chosen, setChosen] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');

  const list = Array.isArray(options) ? options : [];
  const option =
    list.find((o) => o.value === chosen) ?? list.find((o) => o.target.kind === 'school') ?? list[0];

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

  if (options === 'none' || (Array.isArray(options) && options.length === 0)) {
    return (
      <Page title={t('title')}>
        <p>{t('adminsOnly')}</p>
      </Page>
    );
  }
  if (options === null || loaded === undefined) return <Loading />;

  const target = option?.target;
  const timeZone = loaded?.school?.timeZone ?? option?.timeZone ?? 'America/New_York';
  const isDistrictAdmin = profile.role === 'district_admin';

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
              setChosen(event.target.value);
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
            {isDistrictAdmin && target?.kind === 'school' && (
              <p className="calendar-note">{t('districtDaysElsewhere')}</p>
            )}
          </section>
          <DayOffForm key={option?.value} timeZone={timeZone} onAdd={add} />
        </>
      )}
    </Page>
  );
}
