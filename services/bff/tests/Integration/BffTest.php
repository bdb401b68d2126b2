<?php

declare(strict_types=1);

namespace Platform\Bff\Tests\Integration;

use Platform\Bff\RedisStatusCache;
use Platform\Bff\Upstream\Upstreams;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\IntegrationEnv;
use Platform\Shared\Testing\PhpServer;
use PHPUnit\Framework\TestCase;

/**
 * Serves the BFF with php -S in front of stand-in upstreams over real HTTP, with the real Redis of REDIS_URL.
 */
final class BffTest extends TestCase
{
    public function testStatusCacheInRedisExpires(): void
    {
        $redis = IntegrationEnv::redis();
        $cache = new RedisStatusCache($redis, 30);
        self::assertNull($cache->get());
        $cache->put(['status' => 'ok']);
        self::assertSame(['status' => 'ok'], $cache->get());
        self::assertGreaterThan(0, $redis->client()->ttl('status'));
        (new RedisStatusCache(IntegrationEnv::redis(), 0))->put(['status' => 'ok']);
    }

    public function testComposesUpstreamsOverHttp(): void
    {
        $upstreams = PhpServer::start(dirname(__DIR__) . '/fixtures/upstreams.php');
        $urls = [];
        foreach (Upstreams::SERVICES as $variable) {
            $urls[$variable] = $upstreams->url('');
        }
        $bff = PhpServer::start(dirname(__DIR__, 2) . '/public/index.php', $urls + [
            'LOG_LEVEL' => 'error',
            'REDIS_PREFIX' => IntegrationEnv::prefix(),
        ]);
        try {
            $client = new CurlHttpClient();
            self::assertSame(200, $client->send('GET', $bff->url('/health/ready'))->status);
            $status = $client->send('GET', $bff->url('/v1/status'))->json();
            self::assertSame(['ok', false], [$status['status'] ?? null, $status['cached'] ?? null]);
            self::assertTrue($client->send('GET', $bff->url('/v1/status'))->json()['cached'] ?? null);
            $created = $client->send(
                'POST',
                $bff->url('/v1/documents/process'),
                ['document_id' => 'd1', 'steps' => ['extract']],
            );
            self::assertSame(201, $created->status);
            self::assertSame(7, $created->json()['audit_event_id'] ?? null);
            $rejected = $client->send(
                'POST',
                $bff->url('/v1/documents/process'),
                ['document_id' => 'bad', 'steps' => ['extract']],
            );
            self::assertSame(422, $rejected->status);
            self::assertSame(404, $client->send('GET', $bff->url('/v1/runs/x'))->status);
        } finally {
            $bff->stop();
            $upstreams->stop();
        }
    }
}
