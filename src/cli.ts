#!/usr/bin/env node
/**
 * Command line (CONTRACTS.md §1). Each command lives in src/cli/<command>.ts and exports
 * `run(argv): Promise<number>` returning the exit code.
 */
const commands: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  serve: () => import('./cli/serve.js'),
  staff: () => import('./cli/staff.js'),
  import: () => import('./cli/import.js'),
  ask: () => import('./cli/ask.js'),
  telegram: () => import('./cli/telegram.js'),
};

const usage = `Trợ lý Một cửa — các lệnh:
  serve                                  chạy máy chủ HTTP
  import <tệp...> --out <thư mục> [--report]  nhập hồ sơ thủ tục đã công bố
  ask [--knowledge <thư mục>] [--jsonl]  hỏi đáp trong terminal
  staff add <tên> --role <reviewer|admin>  tạo tài khoản cán bộ (mật khẩu đọc từ stdin)
  telegram --polling                     chạy bot Telegram bằng long polling`;

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`${usage}\n`);
    process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
  }
  const { run } = await load();
  const code = await run(rest);
  if (name !== 'serve' && !(name === 'telegram')) process.exit(code);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
