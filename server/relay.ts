/**
 * Tells every server instance sharing a Redis that a member was removed (or a space deleted),
 * so that each closes that member's connections at once, wherever they are connected.
 * Only ids travel: `spaceId memberId`, or `spaceId` alone for the whole space.
 */
import RedisClient from 'ioredis';
import { describeError, log } from './log';

const CHANNEL = 'power-shifting:disconnect';

export class Relay {
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;

  constructor(url: string, onDisconnect: (spaceId: string, memberId: string | undefined) => void) {
    this.pub = new RedisClient(url);
    this.sub = new RedisClient(url);
    for (const client of [this.pub, this.sub]) client.on('error', (error) => log('redis.error', { message: describeError(error) }));
    this.sub.on('message', (_channel: string, message: string) => {
      const [spaceId = '', memberId] = message.split(' ');
      onDisconnect(spaceId, memberId);
    });
    void this.sub.subscribe(CHANNEL);
  }

  publish(spaceId: string, memberId: string | undefined): void {
    void this.pub.publish(CHANNEL, memberId ? `${spaceId} ${memberId}` : spaceId);
  }

  close(): void {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

/** A Redis client for the Hocuspocus extension, its errors logged rather than thrown. */
export function redisClient(url: string): RedisClient {
  const client = new RedisClient(url);
  client.on('error', (error) => log('redis.error', { message: describeError(error) }));
  return client;
}
