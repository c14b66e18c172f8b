import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS, nextLink, sm3Hex, verifyChain, verifyChainAsync, EMPTY_HEAD, type ChainHead, type ChainRow } from './hash-chain.js';

function buildChain(n: number, from: ChainHead = EMPTY_HEAD): ChainRow[] {
  const rows: ChainRow[] = [];
  let head = from;
  for (let i = 0; i < n; i += 1) {
    const payload = { caseId: 'c-1', caseSeq: head.seq + 1, type: i % 2 === 0 ? '派遣' : '处置', note: `第${i + 1}步`, at: `2025-03-01T08:${String(i).padStart(2, '0')}:00Z` };
    const link = nextLink(head, payload);
    rows.push({ ...link, payload });
    head = { seq: link.seq, hash: link.hash };
  }
  return rows;
}

const clone = (rows: ChainRow[]): ChainRow[] => rows.map((r) => ({ ...r, payload: { ...r.payload } }));
const headOf = (rows: ChainRow[]): ChainHead => {
  const last = rows[rows.length - 1]!;
  return { seq: last.seq, hash: last.hash };
};

describe('SM3 and chainHash', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes previousHash + "\\n" + canonical payload as UTF-8', () => {
    const expected = createHash('sm3').update(Buffer.from(`${GENESIS}\n{"a":1,"名":"张三"}`, 'utf8')).digest('hex');
    expect(chainHash(GENESIS, { 名: '张三', a: 1 })).toBe(expected);
    expect(GENESIS).toBe('0'.repeat(64));
  });

  it('refuses a previousHash that is not 64 lower-case hex', () => {
    expect(() => chainHash('ABC', {})).toThrow(TypeError);
    expect(() => chainHash(GENESIS.toUpperCase().replace(/0/g, 'A'), {})).toThrow(TypeError);
  });

  it('nextLink starts at seq 1 from GENESIS and links to the previous hash', () => {
    const first = nextLink(EMPTY_HEAD, { x: 1 });
    expect(first).toEqual({ seq: 1, prevHash: GENESIS, hash: chainHash(GENESIS, { x: 1 }) });
    const second = nextLink({ seq: first.seq, hash: first.hash }, { x: 2 });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
  });
});

describe('verifyChain', () => {
  const rows = buildChain(50);

  it('verifies an intact chain of 50 rows, also against its stored head', () => {
    expect(verifyChain(rows)).toEqual({ ok: true, count: 50, head: headOf(rows) });
    expect(verifyChain(rows, { expectedHead: headOf(rows) })).toMatchObject({ ok: true, count: 50 });
  });

  it('verifies an empty chain, and an empty chain against a head of 0', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: EMPTY_HEAD });
    expect(verifyChain([], { expectedHead: EMPTY_HEAD })).toMatchObject({ ok: true });
    expect(verifyChain([], { expectedHead: headOf(rows) })).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'gap_in_sequence' });
  });

  it('detects a change to any field of any row, at that row', () => {
    const mutations: [string, (r: ChainRow) => void][] = [
      ['payload value', (r) => ((r.payload as Record<string, unknown>).note = '改过')],
      ['payload new key', (r) => ((r.payload as Record<string, unknown>).extra = 1)],
      ['hash', (r) => (r.hash = r.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')))],
      ['prevHash', (r) => (r.prevHash = r.prevHash.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')))],
    ];
    for (const [name, mutate] of mutations) {
      for (let i = 0; i < rows.length; i += 1) {
        const copy = clone(rows);
        mutate(copy[i]!);
        const verdict = verifyChain(copy);
        const reason = name === 'prevHash' ? 'broken_link' : 'hash_mismatch';
        expect(verdict, `${name} of row ${i + 1}`).toEqual({ ok: false, firstBadSeq: i + 1, reason, count: i });
      }
    }
  });

  it('detects a changed seq as a gap or a reorder at that row', () => {
    const up = clone(rows);
    up[9]!.seq = 60;
    expect(verifyChain(up)).toMatchObject({ ok: false, firstBadSeq: 10, reason: 'gap_in_sequence' });
    const down = clone(rows);
    down[9]!.seq = 3;
    expect(verifyChain(down)).toMatchObject({ ok: false, firstBadSeq: 10, reason: 'reordered' });
  });

  it('detects a deleted middle row as a gap at the missing seq', () => {
    const copy = rows.filter((r) => r.seq !== 23);
    expect(verifyChain(copy)).toEqual({ ok: false, firstBadSeq: 23, reason: 'gap_in_sequence', count: 22 });
  });

  it('detects a deleted first row', () => {
    expect(verifyChain(rows.slice(1))).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'gap_in_sequence' });
  });

  it('detects a deleted middle row even when later seqs were renumbered, as a broken link', () => {
    const copy = clone(rows.filter((r) => r.seq !== 23));
    for (const r of copy) if (r.seq > 23) r.seq -= 1;
    expect(verifyChain(copy)).toMatchObject({ ok: false, firstBadSeq: 23, reason: 'broken_link' });
  });

  it('detects deleted last rows only with the stored head', () => {
    const head = headOf(rows);
    expect(verifyChain(rows.slice(0, 49))).toMatchObject({ ok: true, count: 49 });
    expect(verifyChain(rows.slice(0, 49), { expectedHead: head })).toEqual({ ok: false, firstBadSeq: 50, reason: 'gap_in_sequence', count: 49 });
    expect(verifyChain(rows.slice(0, 47), { expectedHead: head })).toMatchObject({ ok: false, firstBadSeq: 48, reason: 'gap_in_sequence' });
  });

  it('detects a row appended past the stored head', () => {
    const longer = buildChain(51);
    expect(verifyChain(longer, { expectedHead: headOf(longer.slice(0, 50)) })).toMatchObject({ ok: false, firstBadSeq: 51, reason: 'broken_link' });
  });

  it('detects a rewrite whose later hashes were all recomputed only through the stored head', () => {
    const head = headOf(rows);
    const forged: ChainRow[] = rows.slice(0, 29).map((r) => ({ ...r }));
    let h: ChainHead = headOf(forged);
    for (const r of rows.slice(29)) {
      const payload = r.seq === 30 ? { ...r.payload, note: '伪造' } : r.payload;
      const link = nextLink(h, payload);
      forged.push({ ...link, payload });
      h = { seq: link.seq, hash: link.hash };
    }
    expect(verifyChain(forged)).toMatchObject({ ok: true, count: 50 });
    expect(verifyChain(forged, { expectedHead: head })).toEqual({ ok: false, firstBadSeq: 50, reason: 'hash_mismatch', count: 50 });
  });

  it('detects two rows swapped in the input as reordered at the first of them', () => {
    const copy = [...rows];
    [copy[14], copy[15]] = [copy[15]!, copy[14]!];
    expect(verifyChain(copy)).toEqual({ ok: false, firstBadSeq: 15, reason: 'reordered', count: 14 });
    const far = [...rows];
    [far[4], far[39]] = [far[39]!, far[4]!];
    expect(verifyChain(far)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'reordered' });
  });

  it('detects two rows whose seq values were swapped (read ordered by seq) as reordered', () => {
    // rows 15 and 16 exchanged their seq numbers; a reader ordering by seq sees their contents swapped
    const bySeq = [...rows];
    [bySeq[14], bySeq[15]] = [{ ...rows[15]!, seq: 15 }, { ...rows[14]!, seq: 16 }];
    expect(verifyChain(bySeq)).toMatchObject({ ok: false, firstBadSeq: 15, reason: 'reordered' });
    const far = [...rows];
    [far[4], far[39]] = [{ ...rows[39]!, seq: 5 }, { ...rows[4]!, seq: 40 }];
    expect(verifyChain(far)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'reordered' });
  });

  it('continues from a checkpoint instead of GENESIS', () => {
    const checkpoint = headOf(rows.slice(0, 20));
    expect(verifyChain(rows.slice(20), { from: checkpoint, expectedHead: headOf(rows) })).toMatchObject({ ok: true, count: 30 });
    expect(verifyChain(rows.slice(21), { from: checkpoint })).toMatchObject({ ok: false, firstBadSeq: 21, reason: 'gap_in_sequence' });
  });

  it('serves a per-case chain and the town-wide chain over the same events', () => {
    // two cases, interleaved: each case has seq 1..n, the town has seq 1..N over all events
    type Event = { caseId: string; caseSeq: number; text: string };
    const events: Event[] = [];
    const caseHeads = new Map<string, ChainHead>();
    let townHead: ChainHead = EMPTY_HEAD;
    const stored: { caseId: string; case: ChainRow; town: ChainRow }[] = [];
    for (let i = 0; i < 10; i += 1) {
      const caseId = i % 3 === 0 ? 'A' : 'B';
      const caseHead = caseHeads.get(caseId) ?? EMPTY_HEAD;
      const payload: Event = { caseId, caseSeq: caseHead.seq + 1, text: `事件${i}` };
      events.push(payload);
      const caseLink = nextLink(caseHead, payload);
      const townLink = nextLink(townHead, payload);
      caseHeads.set(caseId, { seq: caseLink.seq, hash: caseLink.hash });
      townHead = { seq: townLink.seq, hash: townLink.hash };
      stored.push({ caseId, case: { ...caseLink, payload }, town: { ...townLink, payload } });
    }
    for (const id of ['A', 'B']) {
      const caseRows = stored.filter((s) => s.caseId === id).map((s) => s.case);
      expect(verifyChain(caseRows, { expectedHead: caseHeads.get(id)! })).toMatchObject({ ok: true, count: id === 'A' ? 4 : 6 });
    }
    expect(verifyChain(stored.map((s) => s.town), { expectedHead: townHead })).toMatchObject({ ok: true, count: 10 });
    // deleting case B's last event is invisible to B's chain without its head, but not to the town chain
    const withoutLast = stored.slice(0, 9);
    expect(verifyChain(withoutLast.filter((s) => s.caseId === 'B').map((s) => s.case))).toMatchObject({ ok: true });
    expect(verifyChain(withoutLast.map((s) => s.town), { expectedHead: townHead })).toMatchObject({ ok: false, firstBadSeq: 10 });
  });

  it('verifies an async source the same way', async () => {
    async function* stream(): AsyncGenerator<ChainRow> {
      for (const r of rows) if (r.seq !== 7) yield r;
    }
    await expect(verifyChainAsync(stream())).resolves.toMatchObject({ ok: false, firstBadSeq: 7, reason: 'gap_in_sequence' });
    await expect(verifyChainAsync(rows)).resolves.toMatchObject({ ok: true, count: 50 });
  });

  it('refuses a seq that is not a safe integer (e.g. a bigint column read as text)', () => {
    const copy = clone(rows);
    (copy[0] as unknown as { seq: string }).seq = '1';
    expect(() => verifyChain(copy)).toThrow(/safe integer/);
  });
});
