/**
 * `build --shard i/n`: which articles a shard takes. The key is the article
 * id (the same on every machine that walks the same inputs), hashed so that
 * the shards get about the same number of articles whatever the file names.
 */
import { createHash } from 'node:crypto';
import { NgError } from '../errors.js';

export interface Shard {
  /** 1-based shard number. */
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 <= i <= n). Throws NgError CONFIG_INVALID otherwise. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new NgError(`--shard takes i/n with 1 <= i <= n (for example 2/8), got "${text}"`, 'CONFIG_INVALID');
  }
  return { index, count };
}

/** The shard (1..count) an article id belongs to: the first 48 bits of its sha256, modulo count. */
export function shardOf(id: string, count: number): number {
  const h = createHash('sha256').update(id, 'utf8').digest();
  return (h.readUIntBE(0, 6) % count) + 1;
}

export const inShard = (id: string, shard: Shard): boolean => shardOf(id, shard.count) === shard.index;
