/** Placeholder: the history baseline tab (a past campaign's contacts and outcomes) is built next. */
export function HistoryTab() {
  return (
    <section className="panel not-built" aria-label="History baseline">
      <p>
        <strong>Not built yet in this version.</strong>
      </p>
    </section>
  );
}
