/**
 * Turns the files a user picked or dropped into paths the main process can read. The desktop
 * preload knows each File's real path on disk; a page in browser mode cannot, so there the
 * bytes go to the loopback server, which keeps a copy in the data folder and answers its path.
 */
import { loopbackToken } from './api';

export interface FileBridge {
  /** Electron's webUtils.getPathForFile: the file's path, or '' when it is not on disk. */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    mainstreetFiles?: FileBridge;
  }
}

function desktopPath(bridge: FileBridge, file: File): string {
  const path = bridge.pathForFile(file);
  if (!path) throw new Error(`${file.name} is not a file on this computer. Save it to a folder first, then choose it.`);
  return path;
}

async function upload(file: File): Promise<string> {
  const response = await fetch('/api/upload', {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-mainstreet-token': loopbackToken(),
      'x-file-name': encodeURIComponent(file.name),
    },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { path?: unknown; error?: unknown } | null;
  if (response.ok && typeof body?.path === 'string') return body.path;
  const reason = typeof body?.error === 'string' ? body.error : `the server answered ${response.status}`;
  throw new Error(`${file.name} could not be read: ${reason}`);
}

export async function stageFiles(files: File[]): Promise<string[]> {
  const bridge = window.mainstreetFiles;
  if (bridge) return files.map((file) => desktopPath(bridge, file));
  const paths: string[] = [];
  // One at a time: a core's transaction file can be larger than the memory of both sides.
  for (const file of files) paths.push(await upload(file));
  return paths;
}
