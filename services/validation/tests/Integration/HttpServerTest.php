<?php

declare(strict_types=1);

namespace Platform\Validation\Tests\Integration;

use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\PhpServer;
use PHPUnit\Framework\TestCase;

/**
 * Serves the real front controller with php -S and calls it over HTTP.
 */
final class HttpServerTest extends TestCase
{
    private static PhpServer $server;

    public static function setUpBeforeClass(): void
    {
        self::$server = PhpServer::start(dirname(__DIR__, 2) . '/public/index.php', ['LOG_LEVEL' => 'error']);
    }

    public static function tearDownAfterClass(): void
    {
        self::$server->stop();
    }

    public function testHealthAndMetrics(): void
    {
        $client = new CurlHttpClient();
        self::assertSame(200, $client->send('GET', self::$server->url('/health/live'))->status);
        self::assertSame(200, $client->send('GET', self::$server->url('/health/ready'))->status);
        $metrics = $client->send('GET', self::$server->url('/metrics'));
        self::assertStringContainsString('# TYPE http_request_duration_seconds histogram', $metrics->body);
        self::assertStringContainsString('route="/health/ready",status="200"}', $metrics->body);
    }

    public function testValidatesOverHttp(): void
    {
        $client = new CurlHttpClient();
        $response = $client->send('POST', self::$server->url('/v1/schemas/notification/validate'), [
            'channel' => 'sms',
            'recipient' => 'a',
            'message' => 'hi',
        ]);
        self::assertSame(200, $response->status);
        self::assertSame(false, $response->json()['valid'] ?? null);
        $bad = $client->send('POST', self::$server->url('/v1/validate'), ['payload' => 1]);
        self::assertSame(422, $bad->status);
        self::assertSame('schema', $bad->json()['field'] ?? null);
    }
}
