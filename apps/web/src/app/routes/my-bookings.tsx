export function MyBookingsRoute() { return <p>todo</p>; }
