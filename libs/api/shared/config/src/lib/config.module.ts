import { Global, Module } from '@nestjs/common';

import { AppConfig, loadConfig } from './app-config';
import { Clock } from './clock';

/** Provides the validated AppConfig to every module; main.ts passes the instance it already validated. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()) {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }, Clock],
      exports: [AppConfig, Clock],
    };
  }
}
