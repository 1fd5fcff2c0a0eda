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
  /** For overdue and due-soon notices, and the day of a follow-up. */
  dueAt?: string;
  /** Whether the recipient is a family member (family wording) or staff. */
  family: boolean;
}

export interface RenderedNotice {
  title: string;
  body: string;
}

/** What a template says: the title and the news, without the closing sentence of its channel. */
interface NoticeText {
  title: string;
  text: string;
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

type Template = (facts: NoticeFacts, locale: Locale) => NoticeText;

const SIGN_IN: Record<Locale, string> = {
  en: 'Sign in to Safe Schools to see the details.',
  es: 'Inicie sesión en Safe Schools para ver los detalles.',
};

/** The e-mail's last lines: the sign-in sentence, then the case page on its own line. */
const SIGN_IN_AT: Record<Locale, string> = {
  en: 'Sign in to Safe Schools to see the details:',
  es: 'Inicie sesión en Safe Schools para ver los detalles:',
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
      text: `A new report (${f.category}, ${f.location}) was filed at ${f.schoolName}.`,
    }),
    (f) => ({
      title: `Nuevo reporte ${f.reference}`,
      text: `Se presentó un nuevo reporte (${f.category}, ${f.location}) en ${f.schoolName}.`,
    }),
  ),
  escalated: by(
    (f) => ({
      title: `URGENT: report ${f.reference} needs attention now`,
      text: `A report at ${f.schoolName} was marked critical (someone may be in danger). Act on it now.`,
    }),
    (f) => ({
      title: `URGENTE: el reporte ${f.reference} requiere atención inmediata`,
      text: `Un reporte en ${f.schoolName} se marcó como crítico (alguien puede estar en peligro). Actúe ahora.`,
    }),
  ),
  assigned: by(
    (f) => ({
      title: `Report ${f.reference} was assigned to you`,
      text: `You are now handling report ${f.reference} at ${f.schoolName}.`,
    }),
    (f) => ({
      title: `Se le asignó el reporte ${f.reference}`,
      text: `Ahora usted atiende el reporte ${f.reference} en ${f.schoolName}.`,
    }),
  ),
  status_changed: by(
    (f) => ({
      title: `Update on report ${f.reference}`,
      text: `The report ${f.reference} is now ${STATUS_WORDS.en[f.status ?? ''] ?? f.status}.`,
    }),
    (f) => ({
      title: `Novedades sobre el reporte ${f.reference}`,
      text: `El reporte ${f.reference} ahora está ${STATUS_WORDS.es[f.status ?? ''] ?? f.status}.`,
    }),
  ),
  shared_note: by(
    (f) => ({
      title: `New update from the school on report ${f.reference}`,
      text: `The school added an update to report ${f.reference}.`,
    }),
    (f) => ({
      title: `Nueva actualización de la escuela sobre el reporte ${f.reference}`,
      text: `La escuela agregó una actualización al reporte ${f.reference}.`,
    }),
  ),
  resolved: by(
    (f) => ({
      title: `Report ${f.reference} was resolved`,
      text: `The school finished its investigation of report ${f.reference} and wrote a summary for you.`,
    }),
    (f) => ({
      title: `El reporte ${f.reference} fue resuelto`,
      text: `La escuela terminó la investigación del reporte ${f.reference} y le escribió un resumen.`,
    }),
  ),
  message_posted: by(
    (f) =>
      f.family
        ? {
            title: `New message from the school about report ${f.reference}`,
            text: `You have a new message about report ${f.reference}.`,
          }
        : {
            title: `New message on report ${f.reference}`,
            text: `A family wrote about report ${f.reference}.`,
          },
    (f) =>
      f.family
        ? {
            title: `Nuevo mensaje de la escuela sobre el reporte ${f.reference}`,
            text: `Tiene un nuevo mensaje sobre el reporte ${f.reference}.`,
          }
        : {
            title: `Nuevo mensaje en el reporte ${f.reference}`,
            text: `Una familia escribió sobre el reporte ${f.reference}.`,
          },
  ),
  deadline_reminder: by(
    (f) => ({
      title: `Report ${f.reference} is due soon`,
      text: `The deadline for report ${f.reference} is ${f.dueAt}.`,
    }),
    (f) => ({
      title: `El reporte ${f.reference} vence pronto`,
      text: `El plazo del reporte ${f.reference} vence el ${f.dueAt}.`,
    }),
  ),
  overdue_escalated: by(
    (f) => ({
      title: `Report ${f.reference} is overdue`,
      text: `Report ${f.reference} at ${f.schoolName} missed its deadline (${f.dueAt}).`,
    }),
    (f) => ({
      title: `El reporte ${f.reference} está vencido`,
      text: `El reporte ${f.reference} en ${f.schoolName} no cumplió su plazo (${f.dueAt}).`,
    }),
  ),
  alert_escalated: by(
    (f) => ({
      title: `URGENT: nobody has acknowledged critical report ${f.reference}`,
      text: `The critical alert for report ${f.reference} at ${f.schoolName} is still unacknowledged. Make sure someone at the school acts on it now.`,
    }),
    (f) => ({
      title: `URGENTE: nadie ha atendido el reporte crítico ${f.reference}`,
      text: `Nadie ha confirmado todavía la alerta crítica del reporte ${f.reference} en ${f.schoolName}. Asegúrese de que alguien de la escuela actúe ahora.`,
    }),
  ),
  outcome_notice: by(
    (f) => ({
      title: `The outcome of report ${f.reference}, for your family`,
      text: `${f.schoolName} finished looking into report ${f.reference}, in which your child is involved, and wrote to you about what it means for your child.`,
    }),
    (f) => ({
      title: `El resultado del reporte ${f.reference}, para su familia`,
      text: `${f.schoolName} terminó de revisar el reporte ${f.reference}, en el que participa su hijo o hija, y le escribió sobre lo que significa para su hijo o hija.`,
    }),
  ),
  // To the guardians of a child named as a target: that a report concerns them, never what it says or who else.
  child_named_target: by(
    (f) => ({
      title: `A report at ${f.schoolName} concerns your child (${f.reference})`,
      text: `${f.schoolName} received a report, ${f.reference}, that names your child as someone it happened to. The school is looking into it and will keep you informed; you can follow the case and write to the school on its page.`,
    }),
    (f) => ({
      title: `Un reporte en ${f.schoolName} concierne a su hijo o hija (${f.reference})`,
      text: `${f.schoolName} recibió un reporte, ${f.reference}, que menciona a su hijo o hija como la persona afectada. La escuela lo está revisando y le mantendrá informado; puede seguir el caso y escribir a la escuela en su página.`,
    }),
  ),
  // To the school's on-call contacts (plain addresses): no report text, no names.
  after_hours_critical: by(
    (f) => ({
      title: `URGENT: critical report ${f.reference} while ${f.schoolName} is closed`,
      text: `A report at ${f.schoolName} became critical (someone may be in danger) outside school hours. You are the school's on-call contact: open it now.`,
    }),
    (f) => ({
      title: `URGENTE: reporte crítico ${f.reference} con ${f.schoolName} cerrada`,
      text: `Un reporte en ${f.schoolName} se volvió crítico (alguien puede estar en peligro) fuera del horario escolar. Usted es el contacto de guardia de la escuela: ábralo ahora.`,
    }),
  ),
  follow_up_due: by(
    (f) => ({
      title: `Follow-up due today on report ${f.reference}`,
      text: `You planned a follow-up on report ${f.reference} at ${f.schoolName} for ${f.dueAt}. Record it when it is done, or cancel it.`,
    }),
    (f) => ({
      title: `Seguimiento para hoy en el reporte ${f.reference}`,
      text: `Usted planificó un seguimiento del reporte ${f.reference} en ${f.schoolName} para el ${f.dueAt}. Regístrelo cuando lo haya hecho, o cancélelo.`,
    }),
  ),
};

function noticeText(type: string, facts: NoticeFacts, locale: Locale): NoticeText {
  const template = (TEMPLATES as Record<string, Template | undefined>)[type];
  if (!template) throw new Error(`No template for notice type ${type}`);
  return template(facts, locale);
}

/** The in-app notice: the news and a sign-in sentence (the app links the case by its id). */
export function renderNotice(type: string, facts: NoticeFacts, locale: Locale): RenderedNotice {
  const { title, text } = noticeText(type, facts, locale);
  return { title, body: `${text} ${SIGN_IN[locale]}` };
}

/**
 * The e-mail: the news, then the sign-in sentence and the direct link to the
 * case page (`caseUrl`) as its last line. Without a case, the in-app wording.
 */
export function renderEmail(
  type: string,
  facts: NoticeFacts,
  locale: Locale,
  caseUrl: string | null,
): RenderedNotice {
  if (!caseUrl) return renderNotice(type, facts, locale);
  const { title, text } = noticeText(type, facts, locale);
  return { title, body: `${text}\n\n${SIGN_IN_AT[locale]}\n${caseUrl}` };
}

/** The web app's page of a case: the address e-mails link to. */
export const casePageUrl = (publicUrl: string, incidentId: string): string =>
  `${publicUrl}/cases/${encodeURIComponent(incidentId)}`;
