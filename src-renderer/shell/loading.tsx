/**
 * What a screen shows before its first answer. Nothing at all for the first few hundred
 * milliseconds (most answers come sooner, and a message that blinks is worse than none), then
 * a calm line of text.
 */
export function Loading({ slow, text }: { slow: boolean; text: string }) {
  if (!slow) return <div className="loading-placeholder" aria-busy="true" />;
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}
