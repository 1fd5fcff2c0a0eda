/** All of standard input, less one trailing line break: `--password-stdin`. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (text: string) => {
      for (const character of text) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new Error('Cancelled.'));
        typed =
          character === '\u007f' || character === '\b'
            ? [...typed].slice(0, -1).join('')
            : typed + character;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The new account's password: from standard input with `--password-stdin`,
 * or typed twice at a terminal. Never from the command line, where `ps` and
 * the shell history would show it.
 */
export async function readPassword(fromStandardInput: boolean): Promise<string> {
  if (fromStandardInput) return readStandardInput();
  if (!process.stdin.isTTY) {
    throw new Error(
      'Give the password on standard input with --password-stdin, or run this in a terminal to type it.',
    );
  }
  const password = await askHidden('Password: ');
  if ((await askHidden('Password again: ')) !== password)
    throw new Error('The two passwords differ.');
  return password;
}
