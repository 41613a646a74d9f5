/** What the last step did, or why it was refused: a polite status and an assertive alert. */
export function Outcome({ message, error }: { message?: string | null; error?: string | null }) {
  return (
    <>
      {message ? (
        <p role="status" className="saved">
          {message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
