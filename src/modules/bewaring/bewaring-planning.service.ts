import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BewaringService } from './bewaring.service';

/**
 * Once a day: carry out the approved destructions that were postponed (their outbox rows were still being handled), then
 * propose a vernietigingslijst per gemeente for what is due (destruction still waits for approval).
 */
export const BEWARING_INTERVAL_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class BewaringPlanning implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BewaringPlanning.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly bewaring: BewaringService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.eenmaal(), BEWARING_INTERVAL_MS);
    this.timer.unref();
  }

  async eenmaal(): Promise<void> {
    try {
      await this.bewaring.vernietigUitgestelde();
    } catch (e) {
      this.logger.error(`Uitgestelde vernietigingen mislukt: ${(e as Error).message}`);
    }
    try {
      const lijsten = await this.bewaring.stelOpVoorAlleGemeenten();
      for (const l of lijsten) this.logger.log(`Vernietigingslijst ${l.id} voorgesteld voor ${l.gemeente}; wacht op goedkeuring`);
    } catch (e) {
      this.logger.error(`Vernietigingslijsten opstellen mislukt: ${(e as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
