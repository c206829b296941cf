import { describe, expect, it } from 'vitest';
import { WhenRendered } from '../../src/when-rendered.js';

describe('WhenRendered: work that waits on rendered pages', () => {
  it('runs a job when the last of its pages is rendered, not before, and only once', () => {
    const ready = new WhenRendered();
    const ran: string[] = [];
    ready.add(['a.md', 'b.md', 'a.md'], () => ran.push('essay'));
    ready.rendered('b.md');
    expect(ran).toEqual([]);
    ready.rendered('a.md');
    ready.rendered('a.md');
    expect(ran).toEqual(['essay']);
    expect(() => ready.finish()).not.toThrow();
  });

  it('runs jobs completed by the same page in the order they were added', () => {
    const ready = new WhenRendered();
    const ran: string[] = [];
    ready.add(['a.md', 'b.md'], () => ran.push('link notes'));
    ready.add(['b.md', 'a.md', 'c.md'], () => ran.push('print page'));
    ready.add(['c.md'], () => ran.push('other essay'));
    ready.rendered('c.md');
    ready.rendered('a.md');
    ready.rendered('b.md');
    expect(ran).toEqual(['other essay', 'link notes', 'print page']);
  });

  it('runs a job that waits on nothing at once, and reports jobs left waiting', () => {
    const ready = new WhenRendered();
    let ran = false;
    ready.add([], () => (ran = true));
    expect(ran).toBe(true);
    ready.add(['never.md'], () => undefined);
    expect(() => ready.finish()).toThrow(/never\.md/);
  });

  it('tells when every job naming a page has run, so the page can be let go', () => {
    const done: string[] = [];
    const ready = new WhenRendered((path) => done.push(path));
    ready.add(['a.md', 'b.md'], () => undefined);
    ready.add(['b.md', 'c.md'], () => undefined);
    ready.rendered('a.md');
    ready.rendered('b.md');
    // The first job ran: a.md is needed by nothing else, b.md still by the job waiting on c.md.
    expect(done).toEqual(['a.md']);
    ready.rendered('c.md');
    expect(done).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('keeps a job that may not run yet in line, with the jobs after it, until it may or the build finishes', () => {
    const cited = new Set<string>();
    const ran: string[] = [];
    const ready = new WhenRendered(undefined, (paths) => paths.every((path) => cited.has(path)));
    ready.add(['a.md'], () => ran.push('essay a'));
    ready.add(['b.md'], () => ran.push('essay b'));
    ready.add(['c.md'], () => ran.push('essay c'));
    cited.add('b.md');
    ready.rendered('a.md');
    ready.rendered('b.md');
    // b may run, but a became ready first and waits for its citations: b waits behind it.
    expect(ran).toEqual([]);
    cited.add('a.md');
    ready.rendered('c.md');
    expect(ran).toEqual(['essay a', 'essay b']);
    ready.finish();
    expect(ran).toEqual(['essay a', 'essay b', 'essay c']);
  });

  it('runs the first job in line regardless once the line is long, so waiting work never holds a whole site', () => {
    const ran: string[] = [];
    const ready = new WhenRendered(undefined, () => false);
    const paths = Array.from({ length: 40 }, (_, i) => `p${i}.md`);
    for (const path of paths) ready.add([path], () => ran.push(path));
    for (const path of paths) ready.rendered(path);
    // Nothing may run by its gate, but the line stops growing: the jobs past the limit pushed the first ones through.
    expect(ran.length).toBeGreaterThan(0);
    expect(ran).toEqual(paths.slice(0, ran.length));
    expect(40 - ran.length).toBeLessThanOrEqual(32);
  });
});
