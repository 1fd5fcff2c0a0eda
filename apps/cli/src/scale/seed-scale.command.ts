import { SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { runPendingMigrations } from '@app/database';
import { parseScaleOptions } from './scale-options';
import { SCALE_PASSWORD, ScaleSeeder } from './scale-seeder';

type Say = (line: string) => void;

const format = (n: number) => n.toLocaleString('en-US');

/** `seed:scale [--incidents N] [--schools N] [--districts N] [--students-per-school N] [--batch N]` */
export async function seedScale(url: string, args: string[], say: Say): Promise<number> {
  const options = parseScaleOptions(args);
  say(
    `Seeding ${format(options.incidents)} incidents in ${format(options.schools)} schools of ` +
      `${format(options.districts)} districts (${format(options.studentsPerSchool)} students per school).`,
  );
  await runPendingMigrations(url);
  const client = new Client({ connectionString: url, application_name: 'safe-schools-seed-scale' });
  await client.connect();
  const started = Date.now();
  try {
    const seeder = new ScaleSeeder(client, options);
    const { users } = await seeder.seedPeople();
    say(`People: ${format(users)} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const bar = new SingleBar({
      format:
        'Incidents [{bar}] {percentage}% | {value}/{total} | {rate} incidents/s | ETA {eta_formatted}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    });
    const incidentsStarted = Date.now();
    bar.start(options.incidents, 0, { rate: 0 });
    for (let from = 1; from <= options.incidents; from += options.batchSize) {
      const to = Math.min(options.incidents, from + options.batchSize - 1);
      await seeder.seedIncidents(from, to);
      const seconds = (Date.now() - incidentsStarted) / 1000;
      bar.update(to, { rate: format(Math.round(to / Math.max(seconds, 0.001))) });
    }
    bar.stop();
    say('Updating planner statistics (ANALYZE)...');
    await seeder.analyze();
    const total = (Date.now() - started) / 1000;
    say(
      `Done in ${total.toFixed(1)} s (${format(Math.round(options.incidents / total))} incidents/s overall). ` +
        `Generated accounts sign in with the password ${SCALE_PASSWORD}.`,
    );
    return 0;
  } finally {
    await client.end();
  }
}
