import { sanitiseFileName } from './file-name';
import { sniffContentType } from './file-type';

const bytes = (...values: number[]) => Buffer.from(values);

describe('sniffContentType', () => {
  it.each([
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16)],
    [
      'image/webp',
      Buffer.concat([Buffer.from('RIFF'), bytes(1, 2, 3, 4), Buffer.from('WEBPVP8 ')]),
    ],
    ['image/gif', Buffer.from('GIF89a\x01\x00')],
    ['application/pdf', Buffer.from('%PDF-1.7\n%âãÏÓ')],
    ['text/plain', Buffer.from('They pushed me in the hallway.\r\nThen again at lunch.\t')],
    ['text/plain', Buffer.from('Él me empujó — otra vez 😢')],
  ])('recognises %s', (type, head) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it('accepts text cut in the middle of a multi-byte character', () => {
    const text = Buffer.from('ok 😢');
    expect(sniffContentType(text.subarray(0, text.length - 2))).toBe('text/plain');
  });

  it.each([
    ['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')],
    ['an ELF binary', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1)],
    ['a zip archive', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['text with NUL bytes', Buffer.from('hello\u0000world')],
    ['invalid UTF-8', bytes(0x68, 0x69, 0xc3, 0x28, 0x20, 0x20, 0x20, 0x20)],
    ['an empty file', Buffer.alloc(0)],
    [
      'HTML pretending to be an image',
      Buffer.from('<script>alert(1)</script>'.replace('<', '\u0001')),
    ],
  ])('refuses %s', (_what, head) => {
    expect(sniffContentType(head)).toBeUndefined();
  });
});

describe('sanitiseFileName', () => {
  it('keeps ordinary names', () => {
    expect(sanitiseFileName('screenshot 2026-11-20 (2).png')).toBe('screenshot 2026-11-20 (2).png');
    expect(sanitiseFileName('captura_de_pantalla_niño.jpg')).toBe('captura_de_pantalla_niño.jpg');
  });

  it('drops folders and leading dots', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\sam\\evil.pdf')).toBe('evil.pdf');
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
  });

  it('replaces quotes, control and shell characters', () => {
    expect(sanitiseFileName('a"b;c\r\n$(rm).txt')).toBe('a_b_c_(rm).txt');
  });

  it('shortens long names but keeps the extension', () => {
    const name = sanitiseFileName(`${'x'.repeat(400)}.jpeg`);
    expect(name).toHaveLength(150);
    expect(name.endsWith('.jpeg')).toBe(true);
  });

  it('falls back to a neutral name', () => {
    expect(sanitiseFileName(undefined)).toBe('attachment');
    expect(sanitiseFileName('...')).toBe('attachment');
    expect(sanitiseFileName('\u0000\u0001')).toBe('attachment');
  });
});
