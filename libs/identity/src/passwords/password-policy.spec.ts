import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  const person = { username: 'counselor.casey', displayName: 'Casey Morgan' };

  it.each([
    'safe-schools-demo',
    'correct horse battery staple',
    'twelve chars or more',
    'a brand new passphrase',
    'Tr0mbone-Glacier-Kettle',
    'ünïcödé pässwörd wïth ümläuts',
  ])('accepts %s', (password) => {
    expect(passwordProblem(password, person)).toBeUndefined();
  });

  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('elevenchars', {})).toMatch(/at least 12 characters/);
    expect(passwordProblem('ééééééééééé', {})).toMatch(/at least 12 characters/);
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x'.repeat(257), {})).toMatch(/at most 256/);
  });

  it.each(['password1234', 'PASSWORD1234', 'qwertyuiop123', '123456789012', 'iloveyou1234'])(
    'refuses the common password %s',
    (password) => {
      expect(passwordProblem(password, {})).toMatch(/common|guess/);
    },
  );

  it.each([
    'counselor.casey',
    'COUNSELOR.CASEY!!',
    'casey morgan 2024',
    'xx-Counselor-Casey-xx',
    'my name is caseymorgan',
    'Morgan-2024-!!!!',
  ])('refuses %s, built on the username or display name', (password) => {
    expect(passwordProblem(password, person)).toMatch(/username or display name/);
  });

  it('refuses a long but predictable password', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa', {})).toMatch(/guess/);
    expect(passwordProblem('abcdefghijklmnop', {})).toMatch(/guess/);
  });

  it('accepts a password that merely shares a word with the name', () => {
    expect(passwordProblem('fuzzing password', { username: 'fuzz.user.1' })).toBeUndefined();
  });

  it('makes no composition demands', () => {
    expect(passwordProblem('lowercase words only here', {})).toBeUndefined();
  });
});
