import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** All of standard input, less one trailing line break: `--password-stdin`. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks each question at the terminal, without echoing what is typed. */
async function askHidden(questions: string[]): Promise<string[]> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const terminal = createInterface({ input: process.stdin, output: silent, terminal: true });
  terminal.on('SIGINT', () => terminal.close());
  const lines = terminal[Symbol.asyncIterator]();
  const answers: string[] = [];
  try {
    for (const question of questions) {
      process.stderr.write(question);
      const line = await lines.next();
      process.stderr.write('\n');
      if (line.done) throw new Error('Cancelled.');
      answers.push(line.value);
    }
    return answers;
  } finally {
    terminal.close();
  }
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
  const [password, again] = await askHidden(['Password: ', 'Password again: ']);
  if (again !== password) throw new Error('The two passwords differ.');
  return password;
}
