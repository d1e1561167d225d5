export function BookShowRoute() { return <p>todo</p>; }
