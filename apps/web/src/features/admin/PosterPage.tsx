import { useTranslation } from 'react-i18next';
import { useProfile } from '../../lib/auth';
import { useEveryLanguage } from '../../lib/i18n';
import { isAdmin, isDistrictAdmin } from '../../lib/roles';
import { Loading } from '../layout/Loading';
import { NotFoundPage } from '../layout/NotFoundPage';
import { Page } from '../layout/Page';
import { RoleOnly } from '../layout/RoleOnly';
import { useChosenSchool } from './admin-api';
import { QrCode } from './QrCode';
import { SchoolPicker } from './SchoolSettingsPage';
import './admin.css';

const POSTER_LANGUAGES = ['en', 'es'] as const;

/** The printed poster: the same words in English and Spanish, families read both. */
function Poster({ name, code }: { name: string; code: string }) {
  useEveryLanguage();
  const { t } = useTranslation('admin');
  const address = `${window.location.origin}/report/${code}`;
  const shortAddress = address.replace(/^https?:\/\//, '');
  return (
    <article className="poster" aria-labelledby="poster-school">
      <h2 id="poster-school" className="poster-school">
        {name}
      </h2>
      <div className="poster-body">
        <div className="poster-words">
          {POSTER_LANGUAGES.map((lng) => (
            <section key={lng} lang={lng} className="poster-language">
              <p className="poster-title">{t('poster.headline', { lng })}</p>
              <p>{t('poster.lead', { lng })}</p>
              <p>{t('poster.scan', { lng })}</p>
            </section>
          ))}
        </div>
        <figure className="poster-qr">
          <QrCode text={address} label={t('poster.qrLabel', { address })} />
          <figcaption className="poster-address">{shortAddress}</figcaption>
        </figure>
      </div>
      <div className="poster-help">
        {POSTER_LANGUAGES.map((lng) => (
          <p key={lng} lang={lng}>
            <strong>{t('poster.danger', { lng })}</strong> {t('poster.call911', { lng })}{' '}
            {t('poster.call988', { lng })}
          </p>
        ))}
      </div>
    </article>
  );
}

function PosterContent() {
  const { t } = useTranslation('admin');
  const profile = useProfile();
  const { school } = useChosenSchool();
  if (school === undefined) return <Loading />;
  if (school === null) {
    return isDistrictAdmin(profile) ? (
      <SchoolPicker path="/admin/poster" title={t('poster.title')} />
    ) : (
      <NotFoundPage />
    );
  }
  return (
    <Page title={t('poster.titleOf', { school: school.name })} wide>
      <div className="poster-controls">
        <p>{t('poster.howTo')}</p>
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('poster.print')}
        </button>
      </div>
      <Poster name={school.name} code={school.code} />
    </Page>
  );
}

/** `/admin/poster`: a printable poster with the school's QR code and report address. */
export default function PosterPage() {
  return (
    <RoleOnly allow={isAdmin}>
      <PosterContent />
    </RoleOnly>
  );
}
