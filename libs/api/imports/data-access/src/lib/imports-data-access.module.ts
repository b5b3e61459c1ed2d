import { Module } from '@nestjs/common';

import { ImportsRepository } from './imports.repository';

/** Imports are written with SQL only (no entities): their tables are read and written in bulk. */
@Module({ providers: [ImportsRepository], exports: [ImportsRepository] })
export class ImportsDataAccessModule {}
