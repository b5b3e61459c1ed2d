import { Controller, Get, Header, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { Public } from '@accord/api/shared/auth';

/** One registry per process: default Node metrics plus HTTP request counts and durations. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'accord_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly requests = new Counter({
    name: 'accord_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'accord_' });
  }
}

/** Known routes keep their path; everything else (static files, client routes) is one label, to bound cardinality. */
function routeLabel(path: string): string {
  return ['/graphql', '/api/v1/signals', '/health', '/health/live', '/metrics'].includes(path)
    ? path
    : 'other';
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.requestDuration.startTimer();
    res.on('finish', () => {
      const labels = { method: req.method, route: routeLabel(req.path), status: String(res.statusCode) };
      end(labels);
      this.metrics.requests.inc(labels);
    });
    next();
  }
}

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
