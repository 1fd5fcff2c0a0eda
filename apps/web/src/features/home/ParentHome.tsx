export function ParentHome() {
  return <p>ParentHome</p>;
}
