import { dataSourceOptions } from '@app/database';
import { DataSource } from 'typeorm';

type EntityList = NonNullable<Parameters<typeof dataSourceOptions>[0]['entities']>;

/** A small connection pool for one command, closed when the work is done. */
export async function withDataSource<T>(
  url: string,
  entities: EntityList,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions({ url, entities, poolSize: 2 }));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
