import { describe, expect, it } from 'vitest';
import * as links from '../../../common/network/links';
import { networkModule } from '.';

describe('network pages and their links', () => {
  const mounted = [...(networkModule.routes ?? []), ...(networkModule.publicRoutes ?? [])].map((r) => r.path);

  it('mounts every page on the link others point to it with, and nothing else', () => {
    const patterns = Object.values(links).map((l) => l.pattern);
    expect([...mounted].sort()).toEqual([...patterns].sort());
  });

  it('builds the addresses its pages read back', () => {
    expect(links.organisationLink.href({ id: '0c4b' })).toBe('/app/organisations/0c4b');
    const filtered = links.directoryLink.href(undefined, { theme: 'housing', country: 'BE', page: 2 });
    expect(filtered).toBe('/directory?theme=housing&country=BE&page=2');
    expect(links.directoryLink.read(filtered.split('?')[1]!)).toEqual({
      theme: 'housing',
      country: 'BE',
      page: 2,
    });
  });
});
