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

@ApiTags('health')
@Publiek() // Load balancers and monitoring check health without a token.
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Of de dienst, de database en de job queue werken' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'De database of de job queue antwoordt niet', schema: probleemSchema('NietBeschikbaarProblem') })
  async check(): Promise<HealthDto> {
    const report = await this.health.check();
    if (report.status !== 'ok') {
      const down = [report.database === 'down' ? 'database' : null, report.queue.status === 'down' ? `queue (${report.queue.backend})` : null]
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
