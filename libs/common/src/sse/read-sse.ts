/** One event of a `text/event-stream`. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Reads a server-sent event stream from a fetch body (in the browser and in
 * Node alike), calling `onMessage` for each event with data and `onComment`
 * for each comment line, like the heartbeats. Resolves when the server ends
 * the stream. No DOM and no Node API: the web app imports this file too.
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: SseMessage) => void,
  onComment?: (comment: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    // CRLF and CR end lines too; a CR at the very end may be the first half of a CRLF.
    const pendingCr = buffer.endsWith('\r');
    buffer =
      (pendingCr ? buffer.slice(0, -1) : buffer).replace(/\r\n?/g, '\n') + (pendingCr ? '\r' : '');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { id: undefined, event: 'message', data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line === '') continue;
        if (line.startsWith(':')) {
          onComment?.(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') message.id = value;
        else if (field === 'event') message.event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) {
        message.data = data.join('\n');
        onMessage(message);
      }
    }
  }
}
