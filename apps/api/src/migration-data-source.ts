// The data source the TypeORM CLI uses to generate and check migrations (see docs/development.md).
import 'reflect-metadata';
import { DataSource } from 'typeorm';

import { migrationDataSourceOptions } from '@accord/api/shared/database';

import { ENTITIES } from './entities';

export default new DataSource({
  ...migrationDataSourceOptions(
    process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/accord_dev',
  ),
  entities: ENTITIES,
});
