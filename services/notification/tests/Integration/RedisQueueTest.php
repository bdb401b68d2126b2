<?php

declare(strict_types=1);

namespace Platform\Notification\Tests\Integration;

use Platform\Notification\Delivery\Channel;
use Platform\Notification\Delivery\DeliveryFailed;
use Platform\Notification\Delivery\Dispatcher;
use Platform\Notification\Delivery\Notification;
use Platform\Notification\Delivery\RedisQueue;
use Platform\Notification\Delivery\WebhookChannel;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\IntegrationEnv;
use Platform\Shared\Testing\PhpServer;
use PHPUnit\Framework\TestCase;

/**
 * Works the queue in the real Redis of REDIS_URL, and delivers webhooks to a real HTTP server.
 */
final class RedisQueueTest extends TestCase
{
    public function testRetriesAndBuriesInRedis(): void
    {
        $queue = new RedisQueue(IntegrationEnv::redis());
        $failing = new class implements Channel {
            public function deliver(Notification $notification): void
            {
                throw new DeliveryFailed('receiver down');
            }
        };
        $now = 100;
        $dispatcher = new Dispatcher($queue, ['webhook' => $failing], 1, static function () use (&$now): int {
            return $now;
        });
        $sent = $dispatcher->submit('webhook', 'https://x', 'm', 2);
        self::assertSame('queued', $queue->find($sent->id)?->status);
        self::assertSame(1, $dispatcher->run(10)['retrying']);
        self::assertSame(0, $dispatcher->run(10)['processed']);
        $now = 102;
        self::assertSame(
            ['released' => 1, 'processed' => 1, 'delivered' => 0, 'retrying' => 0, 'dead' => 1],
            $dispatcher->run(10),
        );
        self::assertSame([$sent->id], $queue->dead(10));
        self::assertSame(['dead', 2, 'receiver down'], [
            $queue->find($sent->id)?->status,
            $queue->find($sent->id)?->attempts,
            $queue->find($sent->id)?->lastError,
        ]);
        self::assertNull($queue->find('missing'));
        self::assertNull($queue->next());
    }

    public function testDeliversWebhookOverHttp(): void
    {
        $receiver = PhpServer::echo();
        try {
            $queue = new RedisQueue(IntegrationEnv::redis());
            $dispatcher = new Dispatcher($queue, ['webhook' => new WebhookChannel(new CurlHttpClient())], 1);
            $ok = $dispatcher->submit('webhook', $receiver->url('/hook'), 'hi', 3);
            $failing = $dispatcher->submit('webhook', $receiver->url('/fail'), 'hi', 3);
            self::assertSame(
                ['released' => 0, 'processed' => 2, 'delivered' => 1, 'retrying' => 1, 'dead' => 0],
                $dispatcher->run(10),
            );
            self::assertSame('delivered', $queue->find($ok->id)?->status);
            self::assertSame('webhook answered 503', $queue->find($failing->id)?->lastError);
        } finally {
            $receiver->stop();
        }
    }

    public function testServesOverHttp(): void
    {
        $server = PhpServer::start(
            dirname(__DIR__, 2) . '/public/index.php',
            ['LOG_LEVEL' => 'error', 'REDIS_PREFIX' => IntegrationEnv::prefix()],
        );
        try {
            $client = new CurlHttpClient();
            self::assertSame(200, $client->send('GET', $server->url('/health/ready'))->status);
            $queued = $client->send(
                'POST',
                $server->url('/v1/notifications'),
                ['channel' => 'log', 'recipient' => 'ops', 'message' => 'hi'],
            );
            self::assertSame(202, $queued->status);
            self::assertSame(1, $client->send('POST', $server->url('/v1/deliveries/run'))->json()['delivered'] ?? null);
            self::assertSame(
                422,
                $client->send('POST', $server->url('/v1/notifications'), ['channel' => 'sms'])->status,
            );
        } finally {
            $server->stop();
        }
    }
}
