import type { Tx } from './transaction.js';
import { NotFoundError, VersionConflictError } from './write-errors.js';

/**
 * Rows of any model by its Prisma delegate name, and the version-checked update every write path
 * uses (GraphQL's generic mutations, the workflows, accounts).
 */
export type Row = Record<string, unknown>;
/** A stored row of any entity (every entity's Prisma row has at least its id). */
export type StoredRow = { id: string };
type Delegate<Shape = Row> = {
  create(args: { data: Row }): Promise<Shape>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string } }): Promise<Shape | null>;
  findMany(args: { where: Row }): Promise<Shape[]>;
  updateMany(args: { where: Row; data: Row }): Promise<{ count: number }>;
};

/**
 * The Prisma delegate of a model named at run time. Its rows have the shape of the model's Prisma
 * object ref (`Shape`): the entity's definition names both by the same typename.
 */
export function delegateOf<Shape = Row>(tx: object, model: string): Delegate<Shape> {
  const delegate = (tx as Record<string, Delegate<Shape> | undefined>)[model];
  if (!delegate) throw new Error(`No Prisma delegate ${model}`);
  return delegate;
}

/** Version-checked update (the database bumps the version): a stale version is a conflict, never a silent overwrite. */
export async function updateVersioned(tx: Tx, model: string, typename: string, id: string, version: number, data: Row): Promise<void> {
  const res = await delegateOf(tx, model).updateMany({ where: { id, version }, data });
  if (res.count === 1) return;
  const current = await delegateOf(tx, model).findUnique({ where: { id } });
  if (!current) throw new NotFoundError(typename, id);
  throw new VersionConflictError(typename, id, version, Number(current.version));
}
