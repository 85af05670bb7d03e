import type { Paisa } from '../money/money.js';

/** One execution on the exchange: `volume` shares of `symbol` changed hands at `price`. */
export interface Trade {
  readonly symbol: string;
  readonly price: Paisa;
  /** Number of shares. */
  readonly volume: number;
  readonly time: Date;
  /** The feed's sequence number, when it sends one: a trade seen again with the same feed and seq is a duplicate. */
  readonly seq?: number;
  /** Which feed sent it; seq numbers are unique per feed. Default `'default'`. */
  readonly feed?: string;
}
