import { notFound } from './errors';

const ID = /^[1-9]\d{0,17}$/;

/** Ids are positive bigints; anything else cannot name a record, so it is simply not found. */
export function parseId(id: string | null | undefined, what: string): string {
  if (!id || !ID.test(id)) throw notFound(what);
  return id;
}

export function isId(id: string | null | undefined): id is string {
  return !!id && ID.test(id);
}
