import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Permission, PERMISSIONS, renderPermissionTable } from './permission';

const DOC = join(__dirname, '../../../../docs/architecture.md');
const START = '<!-- permissions:start -->';
const END = '<!-- permissions:end -->';

/** docs/architecture.md with the generated table between the markers. */
function withTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/architecture.md lacks ${START} ... ${END}`);
  return `${doc.slice(0, start + START.length)}\n\n${renderPermissionTable()}\n\n${doc.slice(end)}`;
}

describe('the roles x permissions table', () => {
  it('in docs/architecture.md is the one the access module renders (npm run docs:permissions)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const expected = withTable(doc);
    if (process.env.WRITE_PERMISSION_TABLE === '1' && expected !== doc)
      writeFileSync(DOC, expected);
    else expect(doc).toBe(expected);
  });

  it('defines every permission once, for at least one role', () => {
    for (const permission of Object.values(Permission))
      expect(PERMISSIONS[permission].roles.length).toBeGreaterThan(0);
  });

  it('never gives district administrators an incident permission', () => {
    const incidentPermissions = Object.values(Permission).filter(
      (permission) => PERMISSIONS[permission].audiences,
    );
    for (const permission of incidentPermissions)
      expect(PERMISSIONS[permission].roles).not.toContain('district_admin');
  });
});
