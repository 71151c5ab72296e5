import { readConfig } from '../config.js';
import type { Channel } from '../http/channel.js';
import { createServices, startBackgroundWork } from '../main.js';

/**
 * `telegram --polling`: run the Telegram bot by long polling, for local use without a public
 * webhook address. Same handlers as the webhook; stops cleanly on Ctrl+C.
 */
export async function run(argv: string[]): Promise<number> {
  if (!argv.includes('--polling')) {
    process.stderr.write('Cách dùng: telegram --polling   (chế độ webhook chạy cùng lệnh serve tại POST /webhooks/telegram)\n');
    return 2;
  }
  const config = readConfig();
  if (!config.TELEGRAM_BOT_TOKEN) {
    process.stderr.write('Chưa đặt TELEGRAM_BOT_TOKEN: không thể chạy bot Telegram.\n');
    return 2;
  }
  const services = await createServices(config);
  const telegram = (services.channels as Channel[]).find((c) => c.name === 'telegram');
  if (!telegram?.start) {
    process.stderr.write('Kênh Telegram chưa được bật.\n');
    return 2;
  }
  const stop = async () => {
    for (const close of [...services.closers].reverse()) await close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stderr.write('Bot Telegram đang chạy (long polling). Nhấn Ctrl+C để dừng.\n');
  startBackgroundWork(services); // status notices reach Telegram chats in polling mode too
  await telegram.start();
  return 0;
}
