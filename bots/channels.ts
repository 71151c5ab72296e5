import type { Channel } from '../src/http/channel.js';
import type { Services } from '../src/services.js';
import { createBotFrameworkChannel } from './botframework/channel.js';
import { createTelegramChannel } from './telegram/channel.js';
import { createWebChannel } from './web/channel.js';
import { createZaloBotChannel } from './zalo-bot/channel.js';
import { createZaloChannel } from './zalo/channel.js';

/**
 * Every channel whose configuration is present (CONTRACTS.md §4: a channel is off while its
 * variables are unset). The web page and Bot Framework (unauthenticated locally) are always on.
 * Called by main.ts, the only file of src/ that may import bots/.
 */
export function createChannels(services: Services): Channel[] {
  const channels = [
    createWebChannel(services),
    createTelegramChannel(services),
    createZaloChannel(services),
    createZaloBotChannel(services),
    createBotFrameworkChannel(services),
  ].filter((c): c is Channel => c !== null);
  services.log.info({ channels: channels.map((c) => c.name) }, 'channels enabled');
  return channels;
}
