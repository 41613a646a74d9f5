// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stageFiles } from '../../../src-renderer/lib/stage-files';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.mainstreetFiles;
  sessionStorage.clear();
});

const file = (name: string, text = 'a,b\n1,2\n') => new File([text], name, { type: 'text/csv' });

describe('stageFiles', () => {
  it('desktop: takes each file’s path from the preload', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    window.mainstreetFiles = { pathForFile: (f) => `C:\\Exports\\${f.name}` };
    expect(await stageFiles([file('CIF.TXT'), file('ACCTS.TXT')])).toEqual([
      'C:\\Exports\\CIF.TXT',
      'C:\\Exports\\ACCTS.TXT',
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('desktop: a file that is not on disk is refused with its name', async () => {
    window.mainstreetFiles = { pathForFile: () => '' };
    await expect(stageFiles([file('pasted.csv')])).rejects.toThrow('pasted.csv is not a file on this computer');
  });

  it('browser: uploads each file with the token and its encoded name, and returns the paths', async () => {
    sessionStorage.setItem('mainstreet-token', 'tok_123');
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const name = decodeURIComponent(new Headers(init.headers).get('x-file-name') ?? '');
      return new Response(JSON.stringify({ path: `/data/uploads/1/${name}` }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);
    expect(await stageFiles([file('Clients März.csv'), file('b.csv')])).toEqual([
      '/data/uploads/1/Clients März.csv',
      '/data/uploads/1/b.csv',
    ]);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/upload');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('x-mainstreet-token')).toBe('tok_123');
    expect(headers.get('x-file-name')).toBe('Clients%20M%C3%A4rz.csv');
    expect(await (init?.body as File).text()).toBe('a,b\n1,2\n');
  });

  it('browser: the server’s error is the message', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'file too large' }), { status: 413 }));
    await expect(stageFiles([file('HIST.TXT')])).rejects.toThrow('HIST.TXT could not be read: file too large');
  });

  it('browser: an answer that is not JSON still says what happened', async () => {
    vi.stubGlobal('fetch', async () => new Response('Misdirected request', { status: 421 }));
    await expect(stageFiles([file('HIST.TXT')])).rejects.toThrow('HIST.TXT could not be read: the server answered 421');
  });
});
