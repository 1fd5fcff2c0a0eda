// Placeholder until the page lands.
export default function CasePage() {
  return <p>CasePage</p>;
}
