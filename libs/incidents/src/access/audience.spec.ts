import type { Principal } from '@app/identity';
import { decideAudience, type IncidentFacts } from './audience';

const school = 'school-1';
const principal = (role: Principal['role'], id = `${role}-1`, schoolIds = [school]): Principal => ({
  id,
  role,
  username: id,
  displayName: id,
  districtId: 'district-1',
  schoolIds,
});
const incident = (facts: Partial<IncidentFacts> = {}): IncidentFacts => ({
  schoolId: school,
  reporterId: 'student-1',
  onBehalfOfStudentId: null,
  targetStudentIds: [],
  ...facts,
});

describe('decideAudience', () => {
  it('gives counselors and school admins of the school the staff view', () => {
    expect(decideAudience(principal('counselor'), incident(), [])).toEqual({ kind: 'staff' });
    expect(decideAudience(principal('school_admin'), incident(), [])).toEqual({ kind: 'staff' });
  });

  it('gives caseworkers of another school nothing', () => {
    expect(
      decideAudience(principal('counselor', 'c', ['school-2']), incident(), []),
    ).toBeUndefined();
  });

  it('never gives district admins case content', () => {
    expect(decideAudience(principal('district_admin', 'd', []), incident(), [])).toBeUndefined();
  });

  it('gives the reporter the reporter view', () => {
    expect(decideAudience(principal('student'), incident(), [])).toEqual({ kind: 'reporter' });
    expect(decideAudience(principal('staff'), incident({ reporterId: 'staff-1' }), [])).toEqual({
      kind: 'reporter',
    });
  });

  it('gives other students and staff of the school nothing', () => {
    expect(decideAudience(principal('student', 'student-2'), incident(), [])).toBeUndefined();
    expect(decideAudience(principal('staff'), incident(), [])).toBeUndefined();
  });

  it('gives parents the family view of their child’s report, in the reporter’s thread', () => {
    expect(decideAudience(principal('parent'), incident(), ['student-1'])).toEqual({
      kind: 'family',
      studentId: 'student-1',
      threadStudentId: null,
    });
  });

  it('gives parents the family view of a report filed for their child', () => {
    const filedForChild = incident({ reporterId: 'counselor-1', onBehalfOfStudentId: 'student-7' });
    expect(decideAudience(principal('parent'), filedForChild, ['student-7'])).toEqual({
      kind: 'family',
      studentId: 'student-7',
      threadStudentId: null,
    });
  });

  it('gives parents of a linked target their own thread, apart from the reporter', () => {
    const witnessReport = incident({ reporterId: 'student-2', targetStudentIds: ['student-9'] });
    expect(decideAudience(principal('parent'), witnessReport, ['student-9'])).toEqual({
      kind: 'family',
      studentId: 'student-9',
      threadStudentId: 'student-9',
    });
  });

  it('gives parents nothing about incidents where their child is only a witness or aggressor', () => {
    expect(
      decideAudience(principal('parent'), incident({ reporterId: 'student-2' }), ['student-9']),
    ).toBeUndefined();
  });

  it('gives nothing about anonymous reports to anyone but staff', () => {
    const anonymous = incident({ reporterId: null });
    expect(decideAudience(principal('student'), anonymous, [])).toBeUndefined();
    expect(decideAudience(principal('parent'), anonymous, ['student-1'])).toBeUndefined();
  });
});
