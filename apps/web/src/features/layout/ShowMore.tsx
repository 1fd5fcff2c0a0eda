/** "Show more" under a list, and the problem line when a page would not load. */
export function ShowMore({
  hasMore,
  loadingMore,
  failed,
  onMore,
  labels,
}: {
  hasMore: boolean;
  loadingMore: boolean;
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
          <button type="button" className="button" onClick={onMore} disabled={loadingMore}>
            {loadingMore ? labels.loading : labels.more}
          </button>
        </p>
      )}
    </>
  );
}
