export function StudentHome() {
  return <p>StudentHome</p>;
}
