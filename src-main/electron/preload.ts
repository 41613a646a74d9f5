/**
 * The only bridge from the page to the main process: `window.api` with `invoke` and `on`
 * for the contract's channels and events, nothing else. Runs sandboxed; bundled to one file.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../../src-shared/channels';

contextBridge.exposeInMainWorld('api', {
  invoke(channel: unknown, input: unknown) {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Unknown API call.' } });
    }
    return ipcRenderer.invoke('api:invoke', channel, input);
  },
  on(event: unknown, listener: (payload: unknown) => void) {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
    const forward = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on('api:event', forward);
    return () => {
      ipcRenderer.removeListener('api:event', forward);
    };
  },
});

// The path of a file the user picked or dropped, so the importer can read it where it is.
contextBridge.exposeInMainWorld('mainstreetFiles', {
  pathForFile(file: unknown) {
    return file instanceof File ? webUtils.getPathForFile(file) : '';
  },
});
