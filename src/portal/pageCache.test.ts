import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache } from './pageCache.ts';

const page = (body: string) => ({ status: 200, type: 'text/html', body: Buffer.from(body), headers: {} });

describe('PageCache', () => {
  it('returns what was stored until cleared', () => {
    const c = new PageCache();
    c.set('/a', page('A'), c.generation);
    assert.equal(c.get('/a')?.body.toString(), 'A');
    c.clear();
    assert.equal(c.get('/a'), undefined);
  });

  it('does not store a page rendered before an invalidation', () => {
    const c = new PageCache();
    const rendering = c.generation;
    c.clear(); // a change committed while the page was being rendered
    c.set('/a', page('stale'), rendering);
    assert.equal(c.get('/a'), undefined);
  });

  it('expires entries and drops the oldest beyond the limit', () => {
    const c = new PageCache({ maxEntries: 2, maxAgeMs: 1000 });
    c.set('/a', page('A'), c.generation);
    c.set('/b', page('B'), c.generation);
    c.set('/c', page('C'), c.generation);
    assert.equal(c.get('/a'), undefined);
    assert.equal(c.get('/b')?.body.toString(), 'B');
    assert.equal(c.get('/c', Date.now() + 5000), undefined);
  });
});
