import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access-policy.js';
import { InstanceMetrics } from '../cluster/instance-metrics.js';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * Prometheus scrapes this without a token; operational like /health, so it is left out of the API description.
 * It shows counts and timings by route pattern, never ids, people or request content.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: MetricsRegistry,
    private readonly instance: InstanceMetrics,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.type(this.registry.contentType);
    return this.instance.metrics();
  }
}
