import { join } from 'node:path';
import { formatError, loadDefinitionFiles } from './loader';
import { BASIS, metRegels, ruimTijdelijkeMappenOp, schrijfBestanden, TESTDAM } from './test-fixture';

// Remove the temp dirs the fixture writes (they piled up in /tmp).
afterEach(ruimTijdelijkeMappenOp);

describe('definition loader', () => {
  it('maps a JSON path to its 1-based line:column; a block maps to its key', () => {
    const root = schrijfBestanden({ [TESTDAM]: BASIS });
    const { definities, errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(errors).toEqual([]);
    expect(definities).toHaveLength(1);
    const d = definities[0];
    expect(d.id).toBe('gm0355-zeist');
    expect(d.file).toBe(join(root, TESTDAM));
    expect(d.positie(['termijnen', 'afhandeling', 'duur'])).toEqual({ line: 27, column: 11 });
    expect(d.positie(['termijnen', 'afhandeling'])).toEqual({ line: 25, column: 3 });
    expect(d.positie(['eersteLijn', 'behandelingDoorGemeente', 'een', 1, 'is'])).toEqual({ line: 21, column: 33 });
    expect(d.positie(['tweedeLijn', 0, 'geldigVanaf'])).toEqual({ line: 50, column: 18 });
    expect(d.sleutelPositie(['tweedeLijn', 0, 'geldigVanaf'])).toEqual({ line: 50, column: 5 });
  });

  it('a path that does not exist maps to the deepest part that does (a missing key: its parent)', () => {
    const root = schrijfBestanden({ [TESTDAM]: BASIS });
    const d = loadDefinitionFiles([join(root, TESTDAM)]).definities[0];
    expect(d.positie(['stappen', 'mediation', 'toegestaan'])).toEqual({ line: 44, column: 1 });
    expect(d.positie(['signalen'])).toEqual({ line: 2, column: 1 });
  });

  it('a YAML syntax error becomes file:line:column with a Dutch hint', () => {
    const root = schrijfBestanden({ [TESTDAM]: metRegels([30, '     verdagingMax: P4W']) });
    const { definities, errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(definities).toEqual([]);
    expect(errors[0]).toMatchObject({ file: join(root, TESTDAM), line: 29, column: 10 });
    expect(errors[0].message).toMatch(/^YAML-syntaxfout: /);
  });

  it('a key written twice is a YAML error at the second one', () => {
    const root = schrijfBestanden({ [TESTDAM]: metRegels([46, '  informeleFase: false']) });
    const { errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 46, column: 3 });
    expect(errors[0].message).toContain("deze sleutel staat er twee keer ('informeleFase')");
    expect(errors[0].hint).toMatch(/maar één keer/);
  });

  it('a tab as indentation is refused with the hint to use spaces', () => {
    const root = schrijfBestanden({ [TESTDAM]: metRegels([53, '\tjaarverslag: true']) });
    const { errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(errors[0]).toMatchObject({ line: 53, column: 1, hint: 'gebruik spaties om in te springen, geen tabs' });
  });

  it('the folder must be named <lower-case cbs-code>-<naam>', () => {
    const root = schrijfBestanden({ 'definitions/amsterdam/2024-01.yaml': BASIS });
    const { definities, errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(definities).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        file: join(root, 'definitions/amsterdam/2024-01.yaml'),
        line: 1,
        column: 1,
        message: "map 'amsterdam' heet niet <cbs-code>-<naam>",
      }),
    ]);
  });

  it('a definitions folder loads every gemeente folder, files in a stable order', () => {
    const root = schrijfBestanden({
      'definitions/gm0355-zeist/2025-01.yaml': BASIS,
      [TESTDAM]: BASIS,
      'definitions/gm0001-anders/2024-01.yaml': BASIS,
      'definitions/klachtregie-definitie.schema.json': '{}',
    });
    const { definities, errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(errors).toEqual([]);
    expect(definities.map((d) => d.file.slice(root.length + 1))).toEqual([
      'definitions/gm0001-anders/2024-01.yaml',
      'definitions/gm0355-zeist/2024-01.yaml',
      'definitions/gm0355-zeist/2025-01.yaml',
    ]);
  });

  it('a path that does not exist, or a folder without definitions, is an error', () => {
    const root = schrijfBestanden({ 'leeg/README.md': 'x' });
    const { errors } = loadDefinitionFiles([join(root, 'bestaat-niet'), join(root, 'leeg')]);
    expect(errors.map((e) => e.message)).toEqual([
      `'${join(root, 'bestaat-niet')}' bestaat niet`,
      `geen definities (*.yaml) gevonden in '${join(root, 'leeg')}'`,
    ]);
  });

  it('a YAML alias bomb (billion laughs) is refused at its first alias, without expanding it', () => {
    const bom = [
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...'bcdefgh'.split('').map((x, i) => `${x}: &${x} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ];
    const root = schrijfBestanden({ [TESTDAM]: bom });
    const { definities, errors } = loadDefinitionFiles([join(root, 'definitions')]);
    expect(definities).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        file: join(root, TESTDAM),
        line: 2,
        column: 8,
        message: expect.stringMatching(/^YAML-fout: te veel verwijzingen met aliassen \(\*naam\)/),
        hint: 'schrijf de waarden uit in plaats van met &anker en *alias te verwijzen; een definitie heeft geen aliassen nodig',
      }),
    ]);
  });

  it('formatError renders file:line:column: message and an indented hint line', () => {
    expect(formatError({ file: 'a.yaml', line: 3, column: 5, message: 'fout', hint: 'doe dit' })).toBe('a.yaml:3:5: fout\n  -> doe dit');
    expect(formatError({ file: 'a.yaml', line: 3, column: 5, message: 'fout' })).toBe('a.yaml:3:5: fout');
  });
});
