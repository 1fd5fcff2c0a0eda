import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../lib/api-client';
import { useDateWords } from '../../lib/dates';
import { useLiveEvents } from './useLiveEvents';
import './live.css';

interface ShownAlert {
  id: string;
  incidentId: string;
  reference: string;
  raisedAt: string;
  escalated: boolean;
}

type Sending = 'sending' | 'failed' | undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The critical reports of the caseworker's schools that nobody acknowledged
 * yet, on every page, above the page's content: each one names its case,
 * links to it and has an Acknowledge button. The list comes from
 * `GET /api/v1/alerts` when the stream (re)connects and follows the live
 * events: a new alert appears on every screen, and leaves every screen as
 * soon as someone acknowledges it.
 */
export function CriticalAlerts() {
  const { t } = useTranslation('live');
  const dates = useDateWords();
  const [alerts, setAlerts] = useState<ShownAlert[]>([]);
  const [sending, setSending] = useState<Record<string, Sending>>({});

  const reload = useCallback(async () => {
    const { data } = await api.GET('/api/v1/alerts').catch(() => ({ data: undefined }));
    if (!data) return;
    setAlerts(
      data.items.map((alert) => ({
        id: alert.id,
        incidentId: alert.incidentId,
        reference: alert.reference,
        raisedAt: alert.raisedAt,
        escalated: Boolean(alert.escalatedAt),
      })),
    );
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useLiveEvents((event) => {
    const alertId = text(event.payload.alertId);
    switch (event.kind) {
      case 'live.connected':
        void reload();
        break;
      case 'alert.raised':
        if (!event.incidentId) break;
        setAlerts((shown) =>
          shown.some((alert) => alert.id === alertId)
            ? shown
            : [
                ...shown,
                {
                  id: alertId,
                  incidentId: event.incidentId!,
                  reference: text(event.payload.reference),
                  raisedAt: text(event.payload.raisedAt) || event.createdAt,
                  escalated: false,
                },
              ],
        );
        break;
      case 'alert.acknowledged':
        setAlerts((shown) => shown.filter((alert) => alert.id !== alertId));
        break;
      case 'alert.escalated':
        setAlerts((shown) =>
          shown.map((alert) => (alert.id === alertId ? { ...alert, escalated: true } : alert)),
        );
        break;
    }
  });

  const acknowledge = async (alert: ShownAlert) => {
    setSending((state) => ({ ...state, [alert.id]: 'sending' }));
    const { response } = await api
      .POST('/api/v1/incidents/{id}/alert/acknowledge', {
        params: { path: { id: alert.incidentId } },
      })
      .catch(() => ({ response: undefined }));
    // 404: the case left the caller's reach, or the alert is gone: nothing left to do here.
    if (response?.ok || response?.status === 404) {
      setAlerts((shown) => shown.filter((other) => other.id !== alert.id));
      setSending((state) => ({ ...state, [alert.id]: undefined }));
      document.getElementById('main')?.focus();
    } else {
      setSending((state) => ({ ...state, [alert.id]: 'failed' }));
    }
  };

  if (alerts.length === 0) return null;
  return (
    <section className="critical-alerts" aria-labelledby="critical-alerts-title">
      <p id="critical-alerts-title" className="critical-alerts-title">
        {t('alerts.title', { count: alerts.length })}
      </p>
      {alerts.map((alert) => (
        <div key={alert.id} className="critical-alert" role="alert">
          <p className="critical-alert-text">
            <strong className="critical-alert-label">{t('alerts.critical')}</strong>{' '}
            {t('alerts.text', { reference: alert.reference })}{' '}
            <span className="critical-alert-time">
              {t('alerts.raisedAt', { when: dates.moment(alert.raisedAt) })}
            </span>
          </p>
          {alert.escalated && <p className="critical-alert-note">{t('alerts.escalated')}</p>}
          <div className="critical-alert-actions">
            <Link href={`/cases/${alert.incidentId}`} className="button critical-alert-open">
              {t('alerts.open', { reference: alert.reference })}
            </Link>
            <button
              type="button"
              className="button critical-alert-acknowledge"
              disabled={sending[alert.id] === 'sending'}
              onClick={() => void acknowledge(alert)}
            >
              {t('alerts.acknowledge')}
              <span className="visually-hidden"> {alert.reference}</span>
            </button>
          </div>
          {sending[alert.id] === 'failed' && (
            <p className="critical-alert-error">{t('alerts.failed')}</p>
          )}
        </div>
      ))}
    </section>
  );
}
