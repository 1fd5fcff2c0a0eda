import { afterHoursReplyText, openingWords } from './after-hours-reply-text';

const MONDAY_8AM = new Date('2026-11-23T08:00:00-05:00');
const facts = {
  schoolName: 'Maple Ridge Middle School',
  opensAt: MONDAY_8AM,
  timeZone: 'America/New_York',
  crisisContacts: [
    { name: 'Maple counseling office', phone: '555-0142', hours: 'School days 7:30–3:30' },
    { name: 'Teen helpline', phone: '555-0199', hours: null },
  ],
};

describe('the automatic after-hours reply', () => {
  it('says the next opening in the school’s time zone, in English and Spanish', () => {
    expect(openingWords(MONDAY_8AM, 'America/New_York', 'en')).toMatch(
      /^Monday, November 23, 2026(,| at) 8:00\sAM EST$/,
    );
    expect(openingWords(MONDAY_8AM, 'America/Los_Angeles', 'en')).toContain('5:00');
    expect(openingWords(MONDAY_8AM, 'America/New_York', 'es')).toContain(
      'lunes, 23 de noviembre de 2026',
    );
  });

  it('in English: closed, when it will be read, 911, 988, the Crisis Text Line and the contacts', () => {
    const text = afterHoursReplyText(facts, 'en');
    expect(text).toContain('This is an automatic reply. Maple Ridge Middle School is closed now');
    expect(text).toContain('Monday, November 23, 2026');
    expect(text).toContain('call 911');
    expect(text).toContain('call or text 988');
    expect(text).toContain('text HOME to 741741');
    expect(text).toContain('- Maple counseling office: 555-0142 (School days 7:30–3:30)');
    expect(text).toContain('- Teen helpline: 555-0199');
  });

  it('in Spanish, the same', () => {
    const text = afterHoursReplyText(facts, 'es');
    expect(text).toContain(
      'Esta es una respuesta automática. Maple Ridge Middle School está cerrada',
    );
    expect(text).toContain('lunes, 23 de noviembre de 2026');
    expect(text).toContain('llame al 911');
    expect(text).toContain('988');
    expect(text).toContain('HOME por mensaje de texto al 741741');
    expect(text).toContain('Contactos de crisis:');
  });

  it('without a known opening or contacts, still says where to get help', () => {
    const text = afterHoursReplyText({ ...facts, opensAt: null, crisisContacts: [] }, 'en');
    expect(text).toContain('when it opens again');
    expect(text).not.toContain('Crisis contacts:');
    expect(text).toContain('911');
  });
});
