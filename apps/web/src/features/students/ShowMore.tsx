/** "Show more" under a list, and the problem line when a page would not load. */
export function ShowMore({
  hasMore,
  loading,
  failed,
  onMore,
  labels,
}: {
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  onMore: () => void;
  labels: { more: string; loading: string; failed: string };
}) {
  return (
    <>
      {failed && (
        <p className="notice warn" role="alert">
          {labels.failed}
        </p>
      )}
      {hasMore && (
        <p>
          <button type="button" className="button" onClick={onMore} disabled={loading}>
            {loading ? labels.loading : labels.more}
          </button>
        </p>
      )}
    </>
  );
}
