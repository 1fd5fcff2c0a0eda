import { DateTime } from 'luxon';
import type { CrisisContact } from '@app/identity';

export type ReplyLocale = 'en' | 'es';

export interface AfterHoursReplyFacts {
  schoolName: string;
  /** The next opening; null when the school's calendar has none. */
  opensAt: Date | null;
  timeZone: string;
  crisisContacts: CrisisContact[];
}

/** The next opening as a reader says it, in the school's time zone: "Monday, November 23, 2026, 8:00 AM EST". */
export function openingWords(opensAt: Date, timeZone: string, locale: ReplyLocale): string {
  return DateTime.fromJSDate(opensAt, { zone: timeZone })
    .setLocale(locale === 'es' ? 'es' : 'en-US')
    .toLocaleString({
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
}

const contactLine = (contact: CrisisContact) =>
  `- ${contact.name}: ${contact.phone}${contact.hours ? ` (${contact.hours})` : ''}`;

/**
 * The school's automatic reply to a report or message that arrives while it
 * is closed, in English or Spanish: when it will be read, and where to get
 * help now (911, 988, the Crisis Text Line, the crisis contacts).
 */
export function afterHoursReplyText(facts: AfterHoursReplyFacts, locale: ReplyLocale): string {
  const contacts = facts.crisisContacts.map(contactLine);
  if (locale === 'es') {
    const when = facts.opensAt
      ? `Alguien de la escuela lo leerá cuando abra: ${openingWords(facts.opensAt, facts.timeZone, 'es')}.`
      : 'Alguien de la escuela lo leerá cuando vuelva a abrir.';
    return [
      `Esta es una respuesta automática. ${facts.schoolName} está cerrada ahora (fuera del horario escolar, fin de semana o día festivo). ${when}`,
      '',
      'Si alguien está en peligro ahora, no espere:',
      '- Emergencias: llame al 911.',
      '- Línea 988 de Prevención del Suicidio y Crisis: llame o envíe un mensaje de texto al 988.',
      '- Crisis Text Line: envíe HOME por mensaje de texto al 741741.',
      ...(contacts.length ? ['', 'Contactos de crisis:', ...contacts] : []),
    ].join('\n');
  }
  const when = facts.opensAt
    ? `Someone at the school will read it when it opens: ${openingWords(facts.opensAt, facts.timeZone, 'en')}.`
    : 'Someone at the school will read it when it opens again.';
  return [
    `This is an automatic reply. ${facts.schoolName} is closed now (outside school hours, a weekend or a holiday). ${when}`,
    '',
    'If someone is in danger now, do not wait:',
    '- Emergency: call 911.',
    '- 988 Suicide & Crisis Lifeline: call or text 988.',
    '- Crisis Text Line: text HOME to 741741.',
    ...(contacts.length ? ['', 'Crisis contacts:', ...contacts] : []),
  ].join('\n');
}
