import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '@accord/api/shared/auth';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Readiness (`/health`): 200 when PostgreSQL answers within two seconds, 503 otherwise — a replica without its
 * database leaves the rotation and comes back with it. Liveness (`/health/live`): 200 while the process answers,
 * whatever the database does, so an orchestrator never restarts every replica because the database is away.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  live(@Res() res: Response): void {
    res.status(HttpStatus.OK).json({ status: 'ok' });
  }

  @Get()
  async check(@Res() res: Response): Promise<void> {
    const started = Date.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
      ]);
      res.status(HttpStatus.OK).json({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'unavailable', database: 'down' });
    }
  }
}
