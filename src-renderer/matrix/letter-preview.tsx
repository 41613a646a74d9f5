import { useCallback, useEffect, useRef, useState } from 'react';
import type { DownloadFile } from '../../src-shared/imports';

export interface Letter {
  url: string;
  file_name: string;
}

function toBlob(file: DownloadFile): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

/**
 * The letter shown, as a blob URL: a new letter releases the previous one, and leaving the
 * screen releases the last (merged letters hold customers' names and addresses).
 */
export function useLetter(): [Letter | null, (file: DownloadFile) => void] {
  const [letter, setLetter] = useState<Letter | null>(null);
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
      current.current = null;
    },
    [],
  );
  const show = useCallback((file: DownloadFile) => {
    if (current.current) URL.revokeObjectURL(current.current);
    const url = URL.createObjectURL(toBlob(file));
    current.current = url;
    setLetter({ url, file_name: file.file_name });
  }, []);
  return [letter, show];
}

/** One merged letter shown in the page, with a Download link. */
export function LetterPreview({ letter, title }: { letter: Letter; title: string }) {
  return (
    <div className="letter-preview" data-testid="letter-preview">
      <p>
        <a href={letter.url} download={letter.file_name}>
          Download {letter.file_name}
        </a>
      </p>
      <iframe title={title} src={letter.url} className="letter-frame" />
    </div>
  );
}
