/** A store function with its connection already given: how each aggregate's store object exposes its queries. */
export type Bound<F> = F extends (db: never, ...rest: infer A) => infer R ? (...rest: A) => R : never;
