import { readConfig } from '../config.js';
import { AppError } from '../errors.js';
import { newStaffAccount, type StaffAccount } from '../feedback/staff.js';
import { openFeedbackStore } from '../store/feedback-store.js';
import { StaffFile } from '../store/feedback-staff-file.js';

/**
 * `staff add <username> --role <reviewer|admin>`: create or replace a staff account in the
 * configured store (Redis, or DATA_DIR/staff.json, which works while the server runs). The password
 * is read from stdin (first line), never from the command line, where it would end up in shell
 * history and `ps`.
 */
const usage = 'Cách dùng: staff add <tên đăng nhập> --role <reviewer|admin>  (mật khẩu đọc từ stdin)';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[]): Promise<number> {
  const [action, username, ...rest] = argv;
  const roleAt = rest.indexOf('--role');
  const role = roleAt >= 0 ? rest[roleAt + 1] : 'reviewer';
  if (action !== 'add' || !username || (role !== 'reviewer' && role !== 'admin')) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu (ít nhất 10 ký tự), rồi Enter và Ctrl-D: ');
  const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  const config = readConfig();
  let account: StaffAccount;
  try {
    account = await newStaffAccount(username, role, password, new Date());
  } catch (err) {
    process.stderr.write(`${err instanceof AppError ? err.userMessage : (err as Error).message}\n`);
    return 1;
  }
  if (!config.REDIS_URL) {
    await new StaffFile(config.DATA_DIR).put(account);
    process.stdout.write(`Đã tạo tài khoản ${username} (${role}) trong ${config.DATA_DIR}/staff.json.\n`);
    return 0;
  }
  const store = await openFeedbackStore(config);
  try {
    await store.putStaff(account);
    process.stdout.write(`Đã tạo tài khoản ${username} (${role}) trong Redis.\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof AppError ? err.userMessage : (err as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
