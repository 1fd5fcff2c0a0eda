import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { plugin } from './boundaries.cjs';

const ROOT = '/repo';
const options = [{ root: ROOT }];
const at = (file: string, code: string) => ({ code, filename: `${ROOT}/${file}`, options });
const refused = (file: string, code: string, messageId: string) => ({
  ...at(file, code),
  errors: [{ messageId }],
});

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run(
  'boundaries/imports',
  plugin.rules.imports,
  {
    valid: [
      at('apps/api/src/main.ts', "import { startWorker } from '@app/worker';"),
      at('apps/api/src/main.ts', "import { createApiApp } from './app.factory';"),
      at(
        'libs/incidents/src/filing/filing.service.ts',
        "import { AuditService } from '@app/audit';",
      ),
      at('libs/incidents/src/x.ts', "import type { Notice } from '@app/notifications';"),
      at('libs/incidents/src/filing/x.ts', "export * from '../recording/case-recorder';"),
      at('libs/casework/src/x.ts', "import { Injectable } from '@nestjs/common';"),
      at(
        'test/support/test-app.ts',
        "import { createApiApp } from '../../apps/api/src/app.factory';",
      ),
      at('test/x.e2e-spec.ts', "import { X } from '../libs/database/src/testing/test-databases';"),
      at('test/x.e2e-spec.ts', "import { X } from '@app/database/testing';"),
    ],
    invalid: [
      refused(
        'apps/api/src/main.ts',
        "import { x } from '../../worker/src/start-worker';",
        'appToApp',
      ),
      refused(
        'libs/worker/src/x.ts',
        "import { x } from '../../../apps/api/src/app.factory';",
        'libraryToApp',
      ),
      refused(
        'libs/casework/src/x.ts',
        "import { x } from '@app/incidents/recording/case-recorder';",
        'deep',
      ),
      refused(
        'apps/api/src/x.ts',
        "import { x } from '@app/incidents/src/filing/filing.service';",
        'deep',
      ),
      refused(
        'libs/casework/src/x.ts',
        "import { x } from '../../incidents/src/index';",
        'relativeLibrary',
      ),
      refused(
        'apps/cli/src/x.ts',
        "export { x } from '../../../libs/database/src/migrate';",
        'relativeLibrary',
      ),
      refused('libs/incidents/src/x.ts', "import { x } from '@app/incidents';", 'ownIndex'),
      refused('libs/notifications/src/x.ts', "import type { X } from '@app/incidents';", 'upward'),
      refused('libs/common/src/x.ts', "import { x } from '@app/database';", 'upward'),
      refused('libs/incidents/src/x.ts', "const m = require('@app/casework');", 'upward'),
      refused('libs/identity/src/x.ts', "const m = import('@app/audit');", 'upward'),
      refused('libs/casework/src/x.ts', "import { x } from '@app/reports';", 'unknownLibrary'),
    ],
  },
);
