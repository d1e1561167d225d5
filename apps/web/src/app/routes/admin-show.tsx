export function AdminShowRoute() { return <p>todo</p>; }
