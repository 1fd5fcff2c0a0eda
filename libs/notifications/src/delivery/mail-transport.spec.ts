import { mailFileName } from './mail-transport';

describe('development mailbox file names', () => {
  it('are <time>-<message id>.eml, the time in UTC to the second', () => {
    expect(
      mailFileName(
        new Date('2026-12-01T23:00:00.123Z'),
        '<1b4e28ba-2fa1-11d2-883f-0016d3cca427@safe-schools>',
      ),
    ).toBe('20261201T230000Z-1b4e28ba-2fa1-11d2-883f-0016d3cca427_safe-schools.eml');
  });

  it('keep nothing from the message id that a file system could misread', () => {
    expect(mailFileName(new Date('2026-01-02T03:04:05Z'), '<../a b/c:d@x>')).toBe(
      '20260102T030405Z-.._a_b_c_d_x.eml',
    );
  });
});
