import type { NoticeType } from '../notice-types';

export type Locale = 'en' | 'es';

/** What a notice says about its case; never a child's name or the report's text. */
export interface NoticeFacts {
  reference: string;
  schoolName: string;
  /** For status changes. */
  status?: string;
  /** For new reports and escalations. */
  category?: string;
  location?: string;
  /** For overdue and due-soon notices. */
  dueAt?: string;
  /** Whether the recipient is a family member (family wording) or staff. */
  family: boolean;
}

export interface RenderedNotice {
  title: string;
  body: string;
}

const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  en: {
    submitted: 'received',
    triaged: 'reviewed by the school and being prepared for investigation',
    investigating: 'being investigated',
    resolved: 'resolved',
    closed: 'closed',
    dismissed: 'closed without further action',
  },
  es: {
    submitted: 'recibido',
    triaged: 'revisado por la escuela y en preparación para la investigación',
    investigating: 'en investigación',
    resolved: 'resuelto',
    closed: 'cerrado',
    dismissed: 'cerrado sin más acciones',
  },
};

type Template = (facts: NoticeFacts, locale: Locale) => RenderedNotice;

const SIGN_IN: Record<Locale, string> = {
  en: 'Sign in to Safe Schools to see the details.',
  es: 'Inicie sesión en Safe Schools para ver los detalles.',
};

const by =
  (en: Template, es: Template): Template =>
  (facts, locale) =>
    (locale === 'es' ? es : en)(facts, locale);

/** One template per notice type, in English and Spanish. */
export const TEMPLATES: Record<NoticeType, Template> = {
  filed: by(
    (f) => ({
      title: `New report ${f.reference}`,
      body: `A new report (${f.category}, ${f.location}) was filed at ${f.schoolName}. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `Nuevo reporte ${f.reference}`,
      body: `Se presentó un nuevo reporte (${f.category}, ${f.location}) en ${f.schoolName}. ${SIGN_IN.es}`,
    }),
  ),
  escalated: by(
    (f) => ({
      title: `URGENT: report ${f.reference} needs attention now`,
      body: `A report at ${f.schoolName} was marked critical (someone may be in danger). Act on it now. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `URGENTE: el reporte ${f.reference} requiere atención inmediata`,
      body: `Un reporte en ${f.schoolName} se marcó como crítico (alguien puede estar en peligro). Actúe ahora. ${SIGN_IN.es}`,
    }),
  ),
  assigned: by(
    (f) => ({
      title: `Report ${f.reference} was assigned to you`,
      body: `You are now handling report ${f.reference} at ${f.schoolName}. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `Se le asignó el reporte ${f.reference}`,
      body: `Ahora usted atiende el reporte ${f.reference} en ${f.schoolName}. ${SIGN_IN.es}`,
    }),
  ),
  status_changed: by(
    (f) => ({
      title: `Update on report ${f.reference}`,
      body: `The report ${f.reference} is now ${STATUS_WORDS.en[f.status ?? ''] ?? f.status}. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `Novedades sobre el reporte ${f.reference}`,
      body: `El reporte ${f.reference} ahora está ${STATUS_WORDS.es[f.status ?? ''] ?? f.status}. ${SIGN_IN.es}`,
    }),
  ),
  shared_note: by(
    (f) => ({
      title: `New update from the school on report ${f.reference}`,
      body: `The school added an update to report ${f.reference}. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `Nueva actualización de la escuela sobre el reporte ${f.reference}`,
      body: `La escuela agregó una actualización al reporte ${f.reference}. ${SIGN_IN.es}`,
    }),
  ),
  resolved: by(
    (f) => ({
      title: `Report ${f.reference} was resolved`,
      body: `The school finished its investigation of report ${f.reference} and wrote a summary for you. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `El reporte ${f.reference} fue resuelto`,
      body: `La escuela terminó la investigación del reporte ${f.reference} y le escribió un resumen. ${SIGN_IN.es}`,
    }),
  ),
  message_posted: by(
    (f) =>
      f.family
        ? {
            title: `New message from the school about report ${f.reference}`,
            body: `You have a new message about report ${f.reference}. ${SIGN_IN.en}`,
          }
        : {
            title: `New message on report ${f.reference}`,
            body: `A family wrote about report ${f.reference}. ${SIGN_IN.en}`,
          },
    (f) =>
      f.family
        ? {
            title: `Nuevo mensaje de la escuela sobre el reporte ${f.reference}`,
            body: `Tiene un nuevo mensaje sobre el reporte ${f.reference}. ${SIGN_IN.es}`,
          }
        : {
            title: `Nuevo mensaje en el reporte ${f.reference}`,
            body: `Una familia escribió sobre el reporte ${f.reference}. ${SIGN_IN.es}`,
          },
  ),
  deadline_reminder: by(
    (f) => ({
      title: `Report ${f.reference} is due soon`,
      body: `The deadline for report ${f.reference} is ${f.dueAt}. ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `El reporte ${f.reference} vence pronto`,
      body: `El plazo del reporte ${f.reference} vence el ${f.dueAt}. ${SIGN_IN.es}`,
    }),
  ),
  overdue_escalated: by(
    (f) => ({
      title: `Report ${f.reference} is overdue`,
      body: `Report ${f.reference} at ${f.schoolName} missed its deadline (${f.dueAt}). ${SIGN_IN.en}`,
    }),
    (f) => ({
      title: `El reporte ${f.reference} está vencido`,
      body: `El reporte ${f.reference} en ${f.schoolName} no cumplió su plazo (${f.dueAt}). ${SIGN_IN.es}`,
    }),
  ),
};

export function renderNotice(type: string, facts: NoticeFacts, locale: Locale): RenderedNotice {
  const template = (TEMPLATES as Record<string, Template | undefined>)[type];
  if (!template) throw new Error(`No template for notice type ${type}`);
  return template(facts, locale);
}
