import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnvironment } from '@app/common';
import { startWorker } from '@app/worker';
import { TestApp } from './support/test-app';

/** `npm start` runs the API and the worker in one process, each with its own pool. */
describe('the API and the worker in one process', () => {
  it('start without a warning about the data source registration', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const dataDir = mkdtempSync(join(tmpdir(), 'safe-schools-registration-'));
    const t = await TestApp.start();
    try {
      const worker = await startWorker(
        parseEnvironment({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKER_POLL_MS: '60000' }),
        (t.dataSource.options as { url: string }).url,
      );
      await worker.close();
      await t.http.get('/health').expect(200);

      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings.filter((message) => /data source/i.test(message))).toEqual([]);
    } finally {
      warn.mockRestore();
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
