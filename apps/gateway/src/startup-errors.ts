import { MigrationHistoryError, MigrationsPendingError } from '@coso/schema';
import type { Config } from './config.js';
import { DataDirBusyError } from './data-dir-lock.js';

/** What a person reads when the gateway (or a CLI command) cannot start: the cause and what to do. */
export function describeStartupError(error: unknown, config: Pick<Config, 'port' | 'host'>): string {
  const head = 'Không khởi động được coso / coso could not start:';
  if (error instanceof DataDirBusyError) return `${head}\n  ${error.message}`;
  if (error instanceof MigrationsPendingError) return `${head}\n  ${error.localizedMessage.vi}\n  ${error.localizedMessage.en}`;
  if (error instanceof MigrationHistoryError) {
    return `${head}\n  Lịch sử migration của cơ sở dữ liệu không khớp với mã nguồn. / The database's migration history does not match the code.\n  ${error.message}`;
  }
  const code = errorCode(error);
  if (code === 'EADDRINUSE') {
    return `${head}\n  Cổng ${config.port} trên ${config.host} đang được dùng; đặt PORT khác. / Port ${config.port} on ${config.host} is in use; set another PORT.`;
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `${head}\n  Không kết nối được PostgreSQL theo DATABASE_URL (${code}). / Cannot reach PostgreSQL at DATABASE_URL (${code}).`;
  }
  if (code?.startsWith('28')) {
    return `${head}\n  PostgreSQL từ chối đăng nhập: kiểm tra người dùng và mật khẩu trong DATABASE_URL. / PostgreSQL refused the login: check the user and password in DATABASE_URL.`;
  }
  if (code === '3D000') {
    return `${head}\n  Cơ sở dữ liệu ghi trong DATABASE_URL không tồn tại. / The database named in DATABASE_URL does not exist.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `${head}\n  ${message}`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // pg reports a refused connection as an AggregateError whose errors carry the code.
  if (error instanceof AggregateError) return error.errors.map(errorCode).find((c) => c !== undefined);
  return undefined;
}
