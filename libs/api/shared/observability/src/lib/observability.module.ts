import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';

import { HealthController } from './health.controller';
import { HttpMetricsMiddleware, MetricsController, MetricsRegistry } from './metrics';

/** GET /health and GET /metrics, and HTTP metrics for every request. */
@Module({
  controllers: [HealthController, MetricsController],
  providers: [MetricsRegistry],
  exports: [MetricsRegistry],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
