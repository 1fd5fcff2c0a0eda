import { readSse, type SseMessage } from './read-sse';

/** A body that arrives in the given chunks, as a network would cut it. */
const bodyOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const read = async (chunks: string[]) => {
  const messages: SseMessage[] = [];
  await readSse(bodyOf(chunks), (message) => messages.push(message));
  return messages;
};

describe('reading server-sent events', () => {
  it('reads id, event and data, and skips comments and the retry field', async () => {
    expect(
      await read([
        'retry: 2000\n: connected\n\n',
        'id: 7\nevent: alert.raised\ndata: {"id":"7"}\n\n',
        ': heartbeat\n\n',
      ]),
    ).toEqual([{ id: '7', event: 'alert.raised', data: '{"id":"7"}' }]);
  });

  it('hands comments (the heartbeats) to onComment', async () => {
    const comments: string[] = [];
    await readSse(
      bodyOf([': connected\n\n', 'data: x\n\n: heart', 'beat\n\n']),
      () => undefined,
      (comment) => comments.push(comment),
    );
    expect(comments).toEqual(['connected', 'heartbeat']);
  });

  it('puts together events cut across chunks, CRLF lines and multi-line data', async () => {
    expect(
      await read([
        'id: 1\r\nev',
        'ent: incident.filed\r',
        '\ndata: a\r\n',
        'data: b\r\n\r\nid: 2\ndata: c\n\n',
      ]),
    ).toEqual([
      { id: '1', event: 'incident.filed', data: 'a\nb' },
      { id: '2', event: 'message', data: 'c' },
    ]);
  });

  it('leaves an unfinished event out when the stream ends', async () => {
    expect(await read(['id: 3\ndata: half'])).toEqual([]);
  });
});
