export function AdminRoute() { return <p>todo</p>; }
