import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config';
import { ImportHervatting } from './import-hervatting.service';
import type { ImportService } from './import.service';

describe('ImportHervatting: every API import left bezig is taken up', () => {
  it('an import that cannot go on (an error that is no line error) is logged and the imports after it are still taken up', async () => {
    const gedaan: string[] = [];
    const imports = {
      verwerk: async (id: string) => {
        gedaan.push(id);
        if (id === 'kapot') throw new Error('database weg');
        return { status: 'klaar' };
      },
    } as unknown as ImportService;
    const dataSource = { query: async () => [{ id: 'kapot' }, { id: 'daarna' }] } as unknown as DataSource;
    const fouten = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new ImportHervatting({ role: 'worker', sweepIntervalMs: 60_000 } as AppConfig, dataSource, imports).hervat();
      expect(gedaan).toEqual(['kapot', 'daarna']);
      expect(fouten).toHaveBeenCalledWith(expect.stringContaining('Import kapot kon niet worden hervat: database weg'));
    } finally {
      jest.restoreAllMocks();
    }
  });
});
