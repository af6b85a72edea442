import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, InsertEvent, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { KlachtGebeurtenisEntity } from '../klachten/klacht-gebeurtenis.entity';
import { MetricsService } from './metrics.service';
import { verwerkteEvents } from './verwerkte-events';

const verwerkt = verwerkteEvents;

/**
 * Counts processed events where every one is written: the history row (klacht_gebeurtenis) that the
 * engine writes for an intake, a step, a registration change or a passed termijn. Counted when the
 * transaction commits, never for one that rolls back (a refused or failed event is no processed one).
 */
@Injectable()
export class EventTellerSubscriber implements EntitySubscriberInterface<KlachtGebeurtenisEntity> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof KlachtGebeurtenisEntity {
    return KlachtGebeurtenisEntity;
  }

  afterInsert(event: InsertEvent<KlachtGebeurtenisEntity>): void {
    if (event.entity?.type) verwerkt(event.queryRunner).push(event.entity.type);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is no commit yet: count when the outermost transaction has committed.
    if (event.queryRunner.isTransactionActive) return;
    const types = verwerkt(event.queryRunner).splice(0);
    for (const type of types) this.metrics.eventsVerwerkt.inc({ type });
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) verwerkt(event.queryRunner).splice(0);
  }
}
