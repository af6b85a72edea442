import { Module } from '@nestjs/common';
import { BewaringModule } from './bewaring.module';
import { BewaringPlanning } from './bewaring-planning.service';

/** The daily proposal of vernietigingslijsten, only in processes that run workers. */
@Module({ imports: [BewaringModule], providers: [BewaringPlanning] })
export class BewaringWorkerModule {}
