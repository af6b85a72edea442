import { Bundelaar } from './stap-bundel';

interface Item {
  sleutel: string;
  n: number;
}

/** A Bundelaar whose groups finish when the test says so. */
function opzet(maxTegelijk = 2, maxBundel = 32) {
  const groepen: Item[][] = [];
  const klaar: Array<() => void> = [];
  const b = new Bundelaar<Item>(
    (g) => {
      groepen.push(g);
      return new Promise<void>((r) => klaar.push(r));
    },
    { maxTegelijk, maxBundel },
  );
  const rond = async (i: number) => {
    klaar[i]();
    await new Promise((r) => setImmediate(r));
  };
  return { b, groepen, rond };
}

const item = (sleutel: string, n: number): Item => ({ sleutel, n });

describe('group commit: which events go together (stap-bundel)', () => {
  it('a lone event starts at once, as a group of one (it never waits for others)', () => {
    const { b, groepen } = opzet();
    b.voegToe(item('k1', 1));
    expect(groepen).toEqual([[item('k1', 1)]]);
  });

  it('what arrives while the running groups are full waits, and goes in the next groups as places free', async () => {
    const { b, groepen, rond } = opzet(2);
    for (let i = 1; i <= 6; i++) b.voegToe(item(`k${i}`, i));
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [2]]);
    expect(b.stand()).toEqual({ wachtend: 4, bezig: 2 });
    await rond(0);
    // Its share of the five outstanding (four waiting, one being written): three; the last waits for the next place.
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [2], [3, 4, 5]]);
    await rond(1);
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [2], [3, 4, 5], [6]]);
  });

  it('under load a group takes its share of the outstanding events, so the groups run side by side', async () => {
    const { b, groepen, rond } = opzet(2);
    for (let i = 1; i <= 8; i++) b.voegToe(item(`k${i}`, i));
    // Eight klachten: two start alone, six wait.
    await rond(0);
    // Seven outstanding (six waiting, one being written) over two places: four go now, not all six.
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [2], [3, 4, 5, 6]]);
    await rond(1);
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [2], [3, 4, 5, 6], [7, 8]]);
  });

  it("one event per klacht in a group, and none of a klacht a running group holds: a klacht's events keep their order", async () => {
    const { b, groepen, rond } = opzet(2);
    b.voegToe(item('k1', 1));
    b.voegToe(item('k1', 2)); // k1 is in the running group: waits
    b.voegToe(item('k2', 3));
    b.voegToe(item('k3', 4));
    b.voegToe(item('k3', 5));
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [3]]);
    await rond(1); // k2's group ends; k1 is still held
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [3], [4]]);
    await rond(0);
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [3], [4], [2]]);
    await rond(2);
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [3], [4], [2], [5]]);
  });

  it('a group holds at most maxBundel events', async () => {
    const { b, groepen, rond } = opzet(1, 3);
    for (let i = 1; i <= 8; i++) b.voegToe(item(`k${i}`, i));
    await rond(0);
    await rond(1);
    expect(groepen.map((g) => g.length)).toEqual([1, 3, 3]);
  });

  it('a group that fails still frees its place and its klachten', async () => {
    const groepen: Item[][] = [];
    const b = new Bundelaar<Item>(
      async (g) => {
        groepen.push(g);
        throw new Error('kapot');
      },
      { maxTegelijk: 1, maxBundel: 32 },
    );
    b.voegToe(item('k1', 1));
    b.voegToe(item('k1', 2));
    await new Promise((r) => setImmediate(r));
    expect(groepen.map((g) => g.map((x) => x.n))).toEqual([[1], [2]]);
    expect(b.stand()).toEqual({ wachtend: 0, bezig: 0 });
  });
});
