import { NOTICE_TYPES } from '../notice-types';
import { casePageUrl, renderEmail, renderNotice, TEMPLATES, type NoticeFacts } from './templates';

const facts: NoticeFacts = {
  reference: 'MAPLE-2026-00042',
  schoolName: 'Maple Ridge Middle School',
  status: 'investigating',
  category: 'verbal',
  location: 'cafeteria',
  dueAt: '2026-11-27 23:59',
  family: true,
};

describe('notice templates', () => {
  it.each(Object.keys(TEMPLATES))('%s exists in English and Spanish and names the case', (type) => {
    const en = renderNotice(type, facts, 'en');
    const es = renderNotice(type, facts, 'es');
    expect(en.title).toContain(facts.reference);
    expect(es.title).toContain(facts.reference);
    expect(en.title).not.toEqual(es.title);
    expect(en.body.length).toBeGreaterThan(10);
    expect(es.body.length).toBeGreaterThan(10);
  });

  it('tells the family the status in their language', () => {
    expect(renderNotice('status_changed', facts, 'en').body).toContain('being investigated');
    expect(renderNotice('status_changed', facts, 'es').body).toContain('en investigación');
  });

  it('words messages for families and staff differently', () => {
    expect(renderNotice('message_posted', facts, 'en').title).toContain('from the school');
    expect(renderNotice('message_posted', { ...facts, family: false }, 'en').body).toContain(
      'A family wrote',
    );
  });

  it("tells a target's family the school and the reference, in their language, and nothing of the report", () => {
    const en = renderNotice('child_named_target', facts, 'en');
    const es = renderNotice('child_named_target', facts, 'es');
    expect(en.title).toBe(
      'A report at Maple Ridge Middle School concerns your child (MAPLE-2026-00042)',
    );
    expect(es.body).toContain('menciona a su hijo o hija');
    // The category and place are the report's own facts: not for a family that did not report.
    for (const text of [en.title, en.body, es.title, es.body]) {
      expect(text).not.toContain('verbal');
      expect(text).not.toContain('cafeteria');
    }
  });

  it('refuses an unknown notice type, the dotted names of old included', () => {
    expect(() => renderNotice('incident.filed', facts, 'en')).toThrow(/No template/);
  });

  it('speaks every notice type in both languages', () => {
    for (const type of NOTICE_TYPES) {
      for (const locale of ['en', 'es'] as const) {
        expect(renderNotice(type, facts, locale).title).toContain(facts.reference);
      }
    }
  });

  it('ends the in-app notice with a sign-in sentence in the reader’s language', () => {
    expect(renderNotice('shared_note', facts, 'en').body).toMatch(
      /^The school added an update to report MAPLE-2026-00042\. Sign in to Safe Schools to see the details\.$/,
    );
    expect(renderNotice('shared_note', facts, 'es').body).toMatch(
      /Inicie sesión en Safe Schools para ver los detalles\.$/,
    );
  });

  describe('e-mails', () => {
    const url = casePageUrl('https://reports.example.org', '6f1c1f4e-4a57-4f4e-9a39-0d9a3f1f0b11');

    it('link the case page under the public address', () => {
      expect(url).toBe('https://reports.example.org/cases/6f1c1f4e-4a57-4f4e-9a39-0d9a3f1f0b11');
    });

    it.each(NOTICE_TYPES.map((type) => [type]))(
      '%s ends with the sign-in sentence and the case link on its own line, in both languages',
      (type) => {
        const en = renderEmail(type, facts, 'en', url);
        const es = renderEmail(type, facts, 'es', url);
        expect(en.title).toBe(renderNotice(type, facts, 'en').title);
        expect(en.body).toMatch(/\n\nSign in to Safe Schools to see the details:\n(\S+)$/);
        expect(es.body).toMatch(/\n\nInicie sesión en Safe Schools para ver los detalles:\n(\S+)$/);
        expect(en.body.endsWith(`\n${url}`)).toBe(true);
        expect(es.body.endsWith(`\n${url}`)).toBe(true);
        expect(en.body.split(url)).toHaveLength(2);
      },
    );

    it('keep the news of the in-app notice', () => {
      const email = renderEmail('status_changed', facts, 'es', url);
      expect(email.body).toContain('ahora está en investigación.');
    });

    it('without a case, read like the in-app notice', () => {
      expect(renderEmail('filed', facts, 'en', null)).toEqual(renderNotice('filed', facts, 'en'));
    });
  });
});
