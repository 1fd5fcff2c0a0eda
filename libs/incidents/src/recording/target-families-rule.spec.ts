import { childrenToTell } from './target-families-rule';

describe('childrenToTell: the families of linked targets are told once per case', () => {
  const ana = 'ana-id';
  const ben = 'ben-id';

  it('tells the family of every child linked as a target', () => {
    expect(
      childrenToTell(
        [
          { role: 'target', studentId: ana },
          { role: 'target', studentId: ben },
        ],
        [],
      ),
    ).toEqual([ana, ben]);
  });

  it('never tells for a name not linked to a record, an aggressor or a witness', () => {
    expect(
      childrenToTell(
        [
          { role: 'target', studentId: null },
          { role: 'aggressor', studentId: ana },
          { role: 'witness', studentId: ben },
        ],
        [],
      ),
    ).toEqual([]);
  });

  it('tells a child named twice in the same change once', () => {
    expect(
      childrenToTell(
        [
          { role: 'target', studentId: ana },
          { role: 'target', studentId: ana },
        ],
        [],
      ),
    ).toEqual([ana]);
  });

  it('never tells a family told before on the case, even through a party removed since', () => {
    expect(
      childrenToTell(
        [
          { role: 'target', studentId: ana },
          { role: 'target', studentId: ben },
        ],
        new Set([ana]),
      ),
    ).toEqual([ben]);
  });
});
