// Placeholder until the page lands.
export default function AnonymousReportPage() {
  return <p>AnonymousReportPage</p>;
}
