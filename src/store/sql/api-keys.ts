/** API key SQL every driver runs, and the row ↔ record mapping (rows are parsed again on the way out). */
import { type ApiKeyRecord, Scope } from '../../schemas/api-key';

export interface ApiKeyRow {
  id: string;
  name: string;
  scope: string;
  hash: string;
  prefix: string;
  created: number;
  expires: number | null;
  last_used: number | null;
}

const COLUMNS = 'id, name, scope, hash, prefix, created, expires, last_used';
export const INSERT_API_KEY = `INSERT INTO api_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
export const DELETE_API_KEY = 'DELETE FROM api_keys WHERE id = ?';
export const SELECT_API_KEY = `SELECT ${COLUMNS} FROM api_keys WHERE id = ?`;
export const SELECT_API_KEY_BY_HASH = `SELECT ${COLUMNS} FROM api_keys WHERE hash = ?`;
export const SELECT_API_KEYS = `SELECT ${COLUMNS} FROM api_keys ORDER BY created, id`;
export const TOUCH_API_KEY = 'UPDATE api_keys SET last_used = ? WHERE id = ? AND (last_used IS NULL OR last_used < ?)';

/** Writes `micros` unless a write less than a minute old is there (several processes, one store). */
export function touchApiKeyParams(id: string, micros: number): unknown[] {
  return [micros, id, micros - 60_000_000];
}

export function insertApiKeyParams(key: ApiKeyRecord): unknown[] {
  return [key.id, key.name, key.scope, key.hash, key.prefix, key.created, key.expires, key.lastUsed];
}

export function fromApiKeyRow(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    scope: Scope.parse(row.scope),
    hash: row.hash,
    prefix: row.prefix,
    created: row.created,
    expires: row.expires,
    lastUsed: row.last_used,
  };
}
