/** Progress on stderr for a person at a terminal; silent when stderr is a file or pipe. */
export function stderrProgress(): (p: { step: string; current: number; total: number }) => void {
  if (!process.stderr.isTTY) return () => undefined;
  let last = '';
  return ({ step, current, total }) => {
    const pct = total > 0 ? Math.floor((current / total) * 100) : 0;
    const line = `${step} ${pct}%`;
    if (line === last) return;
    last = line;
    process.stderr.write(`\r\x1b[K${line}`);
    if (current >= total) process.stderr.write('\n');
  };
}
