import bcrypt from 'bcrypt';

export interface Passwords {
  hash(password: string): Promise<string>;
  /** Compares against a fixed dummy hash when the account is unknown, so timing does not reveal it. */
  matches(password: string, hash: string | null): Promise<boolean>;
}

export function createPasswords(cost: number): Passwords {
  const dummyHash = bcrypt.hashSync('holdfast-timing-equaliser', cost);
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async matches(password, hash) {
      const same = await bcrypt.compare(password, hash ?? dummyHash);
      return hash !== null && same;
    },
  };
}
