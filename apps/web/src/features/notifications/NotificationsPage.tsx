// Placeholder until the page lands.
export default function NotificationsPage() {
  return <p>NotificationsPage</p>;
}
