import { useState, type DragEvent } from 'react';
import { pickFiles } from './setup-actions';

/** Files come from the chooser or are dropped here; either way they replace the files picked before. */
export function FilePicker({ busy }: { busy: boolean }) {
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) void pickFiles(files);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!busy) take(event.dataTransfer.files);
  };
  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <label className={busy ? 'file-button disabled' : 'file-button'}>
        Choose files…
        <input
          type="file"
          multiple
          className="visually-hidden"
          disabled={busy}
          onChange={(e) => {
            take(e.target.files);
            // Choosing the same files again (after fixing them) must still count as a change.
            e.target.value = '';
          }}
        />
      </label>
      <span className="muted">
        or drop them here. One or several files exactly as the core wrote them: delimited text (CSV, TXT, ASC) or Excel
        (XLSX).
      </span>
    </div>
  );
}
