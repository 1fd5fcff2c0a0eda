import { noticeProblems } from './outcome-notices.service';

const families = new Map([
  ['target', { guardians: [{ id: 'p1', displayName: 'Tara', locale: 'en' }] }],
  ['aggressor', { guardians: [{ id: 'p2', displayName: 'Alma', locale: 'es' }] }],
  ['orphan', { guardians: [] }],
]);

describe('which outcome notices may be sent', () => {
  it('takes one notice per linked student whose family has a parent account', () => {
    expect(
      noticeProblems(
        [
          { studentId: 'target', summary: 'A safety plan' },
          { studentId: 'aggressor', summary: 'A restorative session' },
        ],
        families,
      ),
    ).toEqual([]);
  });

  it('names every notice for a student not linked, named twice, or with nobody to tell', () => {
    expect(
      noticeProblems(
        [
          { studentId: 'stranger', summary: 'x' },
          { studentId: 'orphan', summary: 'x' },
          { studentId: 'aggressor', summary: 'x' },
          { studentId: 'aggressor', summary: 'y' },
        ],
        families,
      ),
    ).toEqual([
      'notices[0].studentId must be a student linked to this case (a target, an aggressor or a witness)',
      expect.stringMatching(/^notices\[1\]\.studentId: no active parent account/),
      'notices[3].studentId names the same student twice',
    ]);
  });
});
