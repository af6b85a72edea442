import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadRegistry, type Registry } from '../../machines';
import type { CompiledRegime, DefinitionError, IsoDate } from '../../machines/contract';
import type { RegimeBron } from '../engine/regime-bron';

export interface GepubliceerdeVersie {
  definitieId: string;
  versie: string;
  yaml: string;
}

/**
 * The regimes the engine serves: the repository's `definitions/` plus the versions published
 * through `POST /definities` (table `definitie_versie`). Both are materialised into one working
 * folder and compiled by `loadRegistry`, so published versions go through exactly the same
 * validation and compiler. `herlaad` swaps the registry after a publish.
 */
export class DefinitieRegister implements RegimeBron {
  private registry: Registry;
  private gepubliceerd = new Set<string>();

  constructor(
    readonly definitionsDir: string,
    versies: GepubliceerdeVersie[] = [],
  ) {
    this.registry = this.bouw(versies);
  }

  get regimes(): CompiledRegime[] {
    return this.registry.regimes;
  }

  get errors(): DefinitionError[] {
    return this.registry.errors;
  }

  /** Whether `<definitieId>/<versie>` came from the API (not from the repository). */
  isGepubliceerd(definitieId: string, versie: string): boolean {
    return this.gepubliceerd.has(`${definitieId}/${versie}`);
  }

  forGemeente(cbsCode: string, at: IsoDate): CompiledRegime | undefined {
    return this.registry.forGemeente(cbsCode, at);
  }

  byId(id: string, versie: string): CompiledRegime | undefined {
    return this.registry.byId(id, versie);
  }

  herlaad(versies: GepubliceerdeVersie[]): void {
    this.registry = this.bouw(versies);
  }

  private bouw(versies: GepubliceerdeVersie[]): Registry {
    this.gepubliceerd = new Set(versies.map((v) => `${v.definitieId}/${v.versie}`));
    if (versies.length === 0) return loadRegistry(this.definitionsDir);
    const werk = mkdtempSync(join(tmpdir(), 'klachtregie-definities-'));
    try {
      if (existsSync(this.definitionsDir)) {
        for (const d of readdirSync(this.definitionsDir, { withFileTypes: true })) {
          if (d.isDirectory()) cpSync(join(this.definitionsDir, d.name), join(werk, d.name), { recursive: true });
        }
      }
      for (const v of versies) {
        mkdirSync(join(werk, v.definitieId), { recursive: true });
        writeFileSync(join(werk, v.definitieId, `${v.versie}.yaml`), v.yaml);
      }
      const registry = loadRegistry(werk);
      // Errors name the file as the author knows it, not the working folder.
      for (const e of registry.errors) e.file = relative(werk, e.file) || e.file;
      return registry;
    } finally {
      rmSync(werk, { recursive: true, force: true });
    }
  }
}
