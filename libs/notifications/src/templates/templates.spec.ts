import { NOTICE_TYPES } from '../notice-types';
import { renderNotice, TEMPLATES, type NoticeFacts } from './templates';

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
});
