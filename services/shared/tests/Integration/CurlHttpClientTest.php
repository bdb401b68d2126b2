<?php

declare(strict_types=1);

namespace Platform\Shared\Tests\Integration;

use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\PhpServer;
use PHPUnit\Framework\TestCase;

/**
 * Calls a real HTTP server (php -S on 127.0.0.1) with the curl client.
 */
final class CurlHttpClientTest extends TestCase
{
    private static PhpServer $server;

    public static function setUpBeforeClass(): void
    {
        self::$server = PhpServer::echo();
    }

    public static function tearDownAfterClass(): void
    {
        self::$server->stop();
    }

    public function testSendsJsonAndHeaders(): void
    {
        $response = (new CurlHttpClient())->send('POST', self::$server->url('/x'), ['a' => 1], ['X-Trace' => 't1']);
        self::assertSame(200, $response->status);
        self::assertSame(['method' => 'POST', 'path' => '/x', 'body' => '{"a":1}', 'trace' => 't1'], $response->json());
    }

    public function testReturnsUpstreamErrorsAsResponses(): void
    {
        $response = (new CurlHttpClient())->send('GET', self::$server->url('/fail'));
        self::assertSame(503, $response->status);
        self::assertFalse($response->ok());
    }

    public function testNoAnswerIsAClientError(): void
    {
        $this->expectException(ClientError::class);
        $this->expectExceptionMessage('GET http://127.0.0.1:1/ failed');
        (new CurlHttpClient(0.5))->send('GET', 'http://127.0.0.1:1/');
    }
}
