import { Controller, Get, HttpStatus } from '@nestjs/common';
import { probleemSchema } from '../../common/openapi';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '../../common/problem';
import { Publiek } from '../auth/rollen.decorator';
import { HealthService } from './health.service';

class QueueHealthDto {
  @ApiProperty({ enum: ['redis', 'postgres'] })
  backend: 'redis' | 'postgres';

  @ApiProperty({ enum: ['ok', 'down'] })
  status: 'ok' | 'down';
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'down'] })
  status: 'ok' | 'down';

  @ApiProperty({ enum: ['ok', 'down'] })
  database: 'ok' | 'down';

  @ApiProperty({ type: QueueHealthDto })
  queue: QueueHealthDto;
}

export class LiveDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

@ApiTags('health')
@Publiek() // Load balancers and monitoring check health without a token.
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Of de dienst, de database en de job queue werken (gelijk aan /health/ready)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({
    description: 'De database of de job queue antwoordt niet',
    schema: probleemSchema('NietBeschikbaarProblem'),
  })
  check(): Promise<HealthDto> {
    return this.ready();
  }

  /**
   * Liveness: the process runs and answers HTTP. Never asks the database or the queue, so an
   * orchestrator does not restart a healthy process because PostgreSQL is briefly away.
   */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: het proces draait (vraagt database en queue niet)' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'ok' };
  }

  /** Readiness: database and job queue answer; 503 takes the instance out of the load balancer. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: de database en de job queue antwoorden (anders 503)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({
    description: 'De database of de job queue antwoordt niet',
    schema: probleemSchema('NietBeschikbaarProblem'),
  })
  async ready(): Promise<HealthDto> {
    const report = await this.health.check();
    if (report.status !== 'ok') {
      const down = [
        report.database === 'down' ? 'database' : null,
        report.queue.status === 'down' ? `queue (${report.queue.backend})` : null,
      ]
        .filter(Boolean)
        .join(' en ');
      throw new ProblemException({
        status: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'niet-beschikbaar',
        detail: `Antwoordt niet: ${down}.`,
        extensions: { database: report.database, queue: report.queue },
      });
    }
    return report;
  }
}
