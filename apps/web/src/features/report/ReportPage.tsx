// Placeholder until the page lands.
export default function ReportPage() {
  return <p>ReportPage</p>;
}
