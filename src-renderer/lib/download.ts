/**
 * Hands a file to the user to save: the browser's download in browser mode, the save dialog
 * Electron opens for a download in the desktop app. Nothing is written anywhere else.
 */
import type { DownloadFile } from '../../src-shared/imports';

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; release ours once this task is done.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file the main process made (a report), sent as base64. */
export function saveDownload(file: DownloadFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: file.mime }), file.file_name);
}

export function saveJson(value: unknown, fileName: string): void {
  saveBlob(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);
}
