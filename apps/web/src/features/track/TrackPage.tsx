// Placeholder until the page lands.
export default function TrackPage() {
  return <p>TrackPage</p>;
}
